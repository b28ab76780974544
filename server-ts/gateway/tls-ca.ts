// The reference client exposes a certificate pin but no per-connection CA option, so a
// custom CA is added to the process's default trust store. That is additive (public CAs
// stay trusted) and the plugin process only dials the gateway over TLS.
import { getCACertificates, setDefaultCACertificates } from 'node:tls';

const added = new Set<string>();

export function trustExtraCa(pem: string): void {
  const normalized = pem.trim();
  if (added.has(normalized)) return;
  setDefaultCACertificates([...getCACertificates('default'), normalized]);
  added.add(normalized);
}
