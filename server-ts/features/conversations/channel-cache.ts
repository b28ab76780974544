// Channel facts (type, name, team) and whether the bot is a member, cached per channel so
// the relay decision for the next post in that channel needs no API call. A miss costs one
// or two calls once; concurrent misses share them. Entries expire after a while (another
// node may have seen the bot join or leave; the service sweeps them every minute) and are
// dropped at once on membership events.
import type { ChannelFacts, ChannelType } from './decide';

export interface ChannelLookupPort {
  getChannel(channelId: string): Promise<{ Id?: string; Type?: string; Name?: string; DisplayName?: string; TeamId?: string }>;
  isChannelMember(channelId: string, userId: string): Promise<boolean>;
  teamName(teamId: string): Promise<string>;
}

export interface CachedChannel extends ChannelFacts {
  displayName: string;
}

const TYPES = new Set(['O', 'P', 'D', 'G']);

export class ChannelCache {
  private readonly entries = new Map<string, { facts: CachedChannel; at: number }>();
  private readonly loading = new Map<string, Promise<CachedChannel>>();
  private readonly teams = new Map<string, string>();

  constructor(
    private readonly port: ChannelLookupPort,
    private readonly botUserId: () => string,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Cached facts; synchronous, for the hot path. It reads no clock (reading one costs the hook
   * more than the rest of its decision): `sweep` drops entries past their time to live.
   */
  peek(channelId: string): CachedChannel | undefined {
    return this.entries.get(channelId)?.facts;
  }

  /** Drops entries older than the time to live, except DMs (their two people never change). */
  sweep(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (e.facts.type !== 'D' && now - e.at > this.ttlMs) this.entries.delete(id);
  }

  get(channelId: string): Promise<CachedChannel> {
    const hit = this.peek(channelId);
    if (hit) return Promise.resolve(hit);
    let p = this.loading.get(channelId);
    if (!p) {
      p = this.load(channelId).finally(() => this.loading.delete(channelId));
      this.loading.set(channelId, p);
    }
    return p;
  }

  /** A membership change: the bot's own joins and leaves update the entry in place. */
  membershipChanged(channelId: string, userId: string, member: boolean): void {
    if (userId !== this.botUserId()) return;
    const e = this.entries.get(channelId);
    if (e) e.facts = { ...e.facts, botIsMember: member };
  }

  forget(channelId: string): void {
    this.entries.delete(channelId);
  }

  clear(): void {
    this.entries.clear();
    this.teams.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private async load(channelId: string): Promise<CachedChannel> {
    const ch = await this.port.getChannel(channelId);
    const type = (TYPES.has(ch.Type ?? '') ? ch.Type : 'O') as ChannelType;
    const name = ch.Name ?? '';
    const bot = this.botUserId();
    // A DM's name is "<user id>__<user id>": membership needs no call.
    const botIsMember = type === 'D' ? name.split('__').includes(bot) : await this.port.isChannelMember(channelId, bot);
    const teamId = ch.TeamId ?? '';
    const facts: CachedChannel = {
      id: channelId, type, name, displayName: ch.DisplayName ?? '', teamId, teamName: teamId ? await this.team(teamId) : undefined, botIsMember,
    };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(channelId, { facts, at: this.now() });
    return facts;
  }

  private async team(teamId: string): Promise<string | undefined> {
    const known = this.teams.get(teamId);
    if (known !== undefined) return known;
    try {
      const name = await this.port.teamName(teamId);
      this.teams.set(teamId, name);
      return name;
    } catch {
      return undefined; // only `team/channel` overrides need it; try again next load
    }
  }
}
