// Single use of a signed post: the first click stores its nonce (set-if-absent, atomic, so
// two nodes racing on one click cannot both win); the record expires with the buttons.
import type { KvPort } from '../conversations/kv';

const keyOf = (nonce: string) => `interactions:used:${nonce}`;

export class NonceLedger {
  constructor(private readonly kv: KvPort, private readonly now: () => number = Date.now) {}

  /** True for the first caller; false when the nonce was used already. */
  async consume(nonce: string, expiresAtMs: number): Promise<boolean> {
    // Kept a day past expiry: expired clicks are refused anyway, and clocks of nodes differ.
    const ttl = Math.max(60, Math.ceil((expiresAtMs - this.now()) / 1000) + 86_400);
    return this.kv.kvSetWithOptions(keyOf(nonce), new TextEncoder().encode(String(this.now())), { Atomic: true, ExpireInSeconds: ttl });
  }

  /** Gives the nonce back when the decision could not be delivered, so the click can be retried. */
  async release(nonce: string): Promise<void> {
    await this.kv.kvDelete(keyOf(nonce));
  }
}
