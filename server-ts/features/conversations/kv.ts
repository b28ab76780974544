// The slice of the plugin KV store this feature uses, and a JSON record on top of it that
// is read through a zod schema (a damaged or foreign record reads as empty, never throws)
// and updated with compare-and-set, so every cluster node can change it safely.
import type { z } from 'zod';

export interface KvSetOptions {
  Atomic?: boolean;
  /** Absent (or empty): set only if the key does not exist. */
  OldValue?: Uint8Array;
  ExpireInSeconds?: number;
}

export interface KvPort {
  kvGet(key: string): Promise<Uint8Array | undefined>;
  kvSet(key: string, value: Uint8Array): Promise<void>;
  /** Resolves false when an atomic set lost the race. A null value deletes. */
  kvSetWithOptions(key: string, value: Uint8Array | null, options: KvSetOptions): Promise<boolean>;
  kvDelete(key: string): Promise<void>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeJson(value: unknown): Uint8Array {
  return enc.encode(JSON.stringify(value));
}

export function decodeJson<S extends z.ZodType>(schema: S, raw: Uint8Array | undefined): z.infer<S> | undefined {
  if (!raw || raw.length === 0) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(dec.decode(raw)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export class JsonRecord<S extends z.ZodType> {
  constructor(
    private readonly kv: KvPort,
    readonly key: string,
    private readonly schema: S,
    private readonly empty: () => z.infer<S>,
  ) {}

  async read(): Promise<z.infer<S>> {
    return decodeJson(this.schema, await this.kv.kvGet(this.key)) ?? this.empty();
  }

  /**
   * Applies `change` atomically; `change` returns the new value, or undefined to leave the
   * record as it is. Retries when another node changed it in between.
   */
  async update(change: (current: z.infer<S>) => z.infer<S> | undefined, attempts = 10): Promise<z.infer<S>> {
    for (let i = 0; i < attempts; i++) {
      const raw = await this.kv.kvGet(this.key);
      const current = decodeJson(this.schema, raw) ?? this.empty();
      const next = change(current);
      if (next === undefined) return current;
      const ok = await this.kv.kvSetWithOptions(this.key, encodeJson(next), { Atomic: true, OldValue: raw && raw.length ? raw : undefined });
      if (ok) return next;
    }
    throw new Error(`the KV record ${this.key} kept changing under us; try again`);
  }
}
