// Per-installation signing secrets, kept in the KV store so every cluster node signs and
// verifies with the same one. Made on first use; the first node to store one wins the race.
import { randomBytes } from 'node:crypto';
import type { KvPort } from '../conversations/kv';

/** `buttons` signs our own posts and is never shown; `scripts` is what admins hand to external scripts. */
export type SecretName = 'buttons' | 'scripts';

const keyOf = (name: SecretName) => `interactions:secret:${name}`;
const dec = new TextDecoder();

export class SigningSecrets {
  private readonly cache = new Map<SecretName, string>();

  constructor(private readonly kv: KvPort) {}

  async get(name: SecretName): Promise<string> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const key = keyOf(name);
    let stored = await this.read(key);
    if (!stored) {
      await this.kv.kvSetWithOptions(key, new TextEncoder().encode(randomBytes(32).toString('hex')), { Atomic: true });
      stored = await this.read(key);
    }
    if (!stored) throw new Error('the interaction signing secret could not be stored in the KV store');
    this.cache.set(name, stored);
    return stored;
  }

  private async read(key: string): Promise<string | undefined> {
    const raw = await this.kv.kvGet(key);
    const text = raw ? dec.decode(raw) : '';
    return /^[0-9a-f]{64}$/.test(text) ? text : undefined;
  }
}
