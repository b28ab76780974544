// Bad settings and an unreachable gateway give the admin an exact reason, quickly, and
// never crash. No gateway process is needed here.
import { freePort } from '../../gateway-bed/gateway.cjs';
import { GatewayLink, GatewayLinkError, MemoryDeviceStore, parseGatewaySettings } from '../../../server-ts/gateway';
import { captureLogger, waitForState } from './helpers';

jest.setTimeout(30_000);

describe('bad gateway settings', () => {
  it('empty token', () => {
    expect(parseGatewaySettings({ gatewayUrl: 'ws://127.0.0.1:18789', gatewayToken: '' })).toEqual({
      ok: false, message: 'Gateway token is required: the token and password settings are both empty' });
  });

  it('http:// URL', () => {
    expect(parseGatewaySettings({ gatewayUrl: 'http://gateway.example.com:18789', gatewayToken: 't0ken-value' })).toEqual({
      ok: false, message: 'Gateway URL must start with wss:// (or ws:// for loopback, private or tailnet hosts): got http://gateway.example.com:18789' });
  });

  it('unreachable host → error state naming the URL, and commands fail at once', async () => {
    const port = await freePort();
    const parsed = parseGatewaySettings({ gatewayUrl: `ws://127.0.0.1:${port}`, gatewayToken: 'unused-secret-token' });
    if (!parsed.ok) throw new Error(parsed.message);
    const lines: string[] = [];
    const link = new GatewayLink({ settings: parsed.settings, store: new MemoryDeviceStore(), displayName: 'Mattermost test',
      logger: captureLogger(lines).logger });
    link.start();
    try {
      const s = await waitForState(link, 'error', 10_000);
      expect(s.reason).toBe(`Gateway unreachable at ws://127.0.0.1:${port}: connection refused (is the gateway running and listening there?)`);
      const t0 = Date.now();
      await expect(link.runSlashCommand('agent:main:main', '/status', 'k-1')).rejects.toThrow(GatewayLinkError);
      expect(Date.now() - t0).toBeLessThan(2_000);
      // Retries do not repeat the same log line.
      expect(lines.filter((l) => l.includes('connection refused'))).toHaveLength(1);
      expect(lines.join('\n')).not.toContain('unused-secret-token');
    } finally {
      await link.stop();
    }
  });
});
