// Speaker names for the agent, cached for a few minutes (the same people talk a lot).
import type { Speaker } from './sender-identity';

export interface UserLookup {
  getUser(userId: string): Promise<{ Username?: string; FirstName?: string; LastName?: string; Nickname?: string }>;
}

const TTL_MS = 10 * 60_000;
const MAX = 5_000;

export class UserCache {
  private readonly entries = new Map<string, { speaker: Speaker; at: number }>();

  constructor(private readonly lookup: UserLookup, private readonly now: () => number = Date.now) {}

  async get(userId: string): Promise<Speaker> {
    const hit = this.entries.get(userId);
    if (hit && this.now() - hit.at < TTL_MS) return hit.speaker;
    const u = await this.lookup.getUser(userId);
    const speaker: Speaker = { username: u.Username ?? userId, firstName: u.FirstName, lastName: u.LastName, nickname: u.Nickname };
    if (this.entries.size >= MAX) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(userId, { speaker, at: this.now() });
    return speaker;
  }
}
