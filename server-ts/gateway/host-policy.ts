// Decides whether a gateway host may be reached over plain ws://. Credentials and chat
// text travel on that socket, so cleartext is allowed only where the network itself is
// private: loopback, RFC 1918, IPv6 unique-local (fc00::/7) and tailnets (100.64.0.0/10,
// *.ts.net). Everything else must use wss://.
import { isIP } from 'node:net';

export type HostClass = 'loopback' | 'private' | 'tailnet' | 'public';

function ipv4Octets(host: string): number[] | undefined {
  if (isIP(host) !== 4) return undefined;
  return host.split('.').map(Number);
}

function classifyIpv4(o: number[]): HostClass {
  const [a, b] = o;
  if (a === 127) return 'loopback';
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'tailnet';
  return 'public';
}

function classifyIpv6(host: string): HostClass {
  const h = host.toLowerCase();
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) inherits the IPv4 verdict; URL() prints it in hex form.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const hi = parseInt(mapped[1], 16);
    const lo = parseInt(mapped[2], 16);
    return classifyIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  const first = parseInt(h.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private';
  return 'public';
}

/** Classifies a URL hostname (IPv6 may come bracketed, as `URL.hostname` gives it). */
export function classifyHost(rawHost: string): HostClass {
  const host = rawHost.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4Octets(host);
  if (v4) return classifyIpv4(v4);
  if (isIP(host) === 6) return classifyIpv6(host);
  if (host.endsWith('.ts.net')) return 'tailnet';
  return 'public';
}

export function allowsPlaintext(host: string): boolean {
  return classifyHost(host) !== 'public';
}
