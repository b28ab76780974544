// DM pairing (DM policy `pairing`): an unknown person who DMs the bot gets a one-time code;
// a system admin approves it with /oc_pairing. Pending codes and approvals live in one KV
// record shared by every cluster node. Approved ids are cached briefly: a DM from an
// approved person costs no KV read, and a revocation reaches every node within the TTL.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { JsonRecord, type KvPort } from './kv';

export const PAIRING_KEY = 'conv-pairing';
/** A code is good for an hour (as in OpenClaw's own pairing). */
export const CODE_TTL_MS = 60 * 60_000;
const MAX_PENDING = 100;
const CACHE_TTL_MS = 15_000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

const PendingSchema = z.object({ userId: z.string(), code: z.string(), createdAt: z.number() });
const ApprovedSchema = z.object({ userId: z.string(), approvedBy: z.string(), approvedAt: z.number() });
const RecordSchema = z.object({ pending: z.array(PendingSchema), approved: z.array(ApprovedSchema) });
export type PairingRecord = z.infer<typeof RecordSchema>;
export type PendingPairing = z.infer<typeof PendingSchema>;
export type ApprovedPairing = z.infer<typeof ApprovedSchema>;

export function newPairingCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export function normalizeCode(text: string): string {
  return text.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export class PairingStore {
  private readonly record: JsonRecord<typeof RecordSchema>;
  private cache: { approved: Set<string>; at: number } | undefined;

  constructor(kv: KvPort, private readonly now: () => number = Date.now) {
    this.record = new JsonRecord(kv, PAIRING_KEY, RecordSchema, () => ({ pending: [], approved: [] }));
  }

  async isApproved(userId: string): Promise<boolean> {
    if (this.cache && this.now() - this.cache.at < CACHE_TTL_MS && this.cache.approved.has(userId)) return true;
    const rec = await this.record.read();
    this.remember(rec);
    return this.cache!.approved.has(userId);
  }

  /** The person's live code, creating one if needed. */
  async codeFor(userId: string): Promise<{ code: string; created: boolean }> {
    let result: { code: string; created: boolean } | undefined;
    await this.record.update((rec) => {
      const live = this.live(rec);
      const existing = live.find((p) => p.userId === userId);
      if (existing) {
        result = { code: existing.code, created: false };
        return live.length === rec.pending.length ? undefined : { ...rec, pending: live };
      }
      const taken = new Set(live.map((p) => p.code));
      let code = newPairingCode();
      while (taken.has(code)) code = newPairingCode();
      result = { code, created: true };
      // Oldest requests make room: a flood of strangers cannot grow the record without bound.
      return { ...rec, pending: [...live, { userId, code, createdAt: this.now() }].slice(-MAX_PENDING) };
    });
    return result!;
  }

  /** Approves the person holding `code`; undefined when no live code matches. */
  async approve(code: string, adminId: string): Promise<PendingPairing | undefined> {
    const wanted = normalizeCode(code);
    let approved: PendingPairing | undefined;
    const rec = await this.record.update((r) => {
      const live = this.live(r);
      approved = live.find((p) => p.code === wanted);
      if (!approved) return undefined;
      const userId = approved.userId;
      return {
        pending: live.filter((p) => p.userId !== userId),
        approved: [...r.approved.filter((a) => a.userId !== userId), { userId, approvedBy: adminId, approvedAt: this.now() }],
      };
    });
    this.remember(rec);
    return approved;
  }

  /** Approves a person directly (an admin who knows who to let in). */
  async approveUser(userId: string, adminId: string): Promise<void> {
    const rec = await this.record.update((r) => ({
      pending: r.pending.filter((p) => p.userId !== userId),
      approved: [...r.approved.filter((a) => a.userId !== userId), { userId, approvedBy: adminId, approvedAt: this.now() }],
    }));
    this.remember(rec);
  }

  /** True when the person was approved (and no longer is). */
  async revoke(userId: string): Promise<boolean> {
    let found = false;
    const rec = await this.record.update((r) => {
      found = r.approved.some((a) => a.userId === userId);
      return found ? { ...r, approved: r.approved.filter((a) => a.userId !== userId) } : undefined;
    });
    this.remember(rec);
    return found;
  }

  async list(): Promise<{ pending: PendingPairing[]; approved: ApprovedPairing[] }> {
    const rec = await this.record.read();
    this.remember(rec);
    return { pending: this.live(rec), approved: rec.approved };
  }

  /** Drops the cache (another node changed the record). */
  invalidate(): void {
    this.cache = undefined;
  }

  private live(rec: PairingRecord): PendingPairing[] {
    const cutoff = this.now() - CODE_TTL_MS;
    return rec.pending.filter((p) => p.createdAt > cutoff);
  }

  private remember(rec: PairingRecord): void {
    this.cache = { approved: new Set(rec.approved.map((a) => a.userId)), at: this.now() };
  }
}
