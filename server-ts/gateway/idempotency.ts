// Idempotency keys double as run ids on the gateway, and a replayed key never starts a
// second run. Deriving the key from the request that caused it (e.g. the chat server's
// request id) makes a retried delivery harmless.
import { createHash, randomUUID } from 'node:crypto';

/** Stable key from the caller's own request identity; parts are length-prefixed so ("ab","c") ≠ ("a","bc"). */
export function deriveIdempotencyKey(namespace: string, ...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of [namespace, ...parts]) h.update(`${Buffer.byteLength(p)}:${p};`);
  return `${namespace}-${h.digest('hex').slice(0, 32)}`;
}

export function randomIdempotencyKey(): string {
  return randomUUID();
}
