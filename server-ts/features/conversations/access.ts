// Who may talk to the agent. DMs: policy pairing (default) | allowlist | open | disabled.
// Channels and group messages: allowlist (default) | open | disabled. Allowlists hold ids
// (see allowlist.ts); team and group membership is looked up and cached for a few minutes.
// Runs only for posts the decision function already found addressed to the bot.
import type { ResolvedAllowlist } from './allowlist';
import { EMPTY_ALLOWLIST } from './allowlist';
import type { PairingStore } from './pairing-store';
import type { ChannelPolicy, DmPolicy } from './settings';

export interface MembershipPort {
  isTeamMember(teamId: string, userId: string): Promise<boolean>;
  groupMemberIds(groupId: string): Promise<string[]>;
}

export type DmVerdict = 'allow' | 'pair' | 'not-allowlisted' | 'disabled';
export type ChannelVerdict = 'allow' | 'not-allowlisted' | 'disabled';

const MEMBERSHIP_TTL_MS = 5 * 60_000;
const MAX_CACHED = 10_000;

export class AccessControl {
  private dmPolicy: DmPolicy = 'pairing';
  private channelPolicy: ChannelPolicy = 'allowlist';
  private dm: ResolvedAllowlist = EMPTY_ALLOWLIST;
  private channel: ResolvedAllowlist = EMPTY_ALLOWLIST;
  private dmUsers = new Set<string>();
  private channelUsers = new Set<string>();
  private readonly teamCache = new Map<string, { member: boolean; at: number }>();
  private readonly groupCache = new Map<string, { ids: Set<string>; at: number }>();

  constructor(
    private readonly pairing: PairingStore,
    private readonly membership: MembershipPort,
    private readonly now: () => number = Date.now,
  ) {}

  configure(p: { dmPolicy: DmPolicy; channelPolicy: ChannelPolicy }, dm: ResolvedAllowlist, channel: ResolvedAllowlist): void {
    this.dmPolicy = p.dmPolicy;
    this.channelPolicy = p.channelPolicy;
    this.dm = dm;
    this.channel = channel;
    this.dmUsers = new Set(dm.users);
    this.channelUsers = new Set(channel.users);
  }

  async checkDm(userId: string): Promise<DmVerdict> {
    switch (this.dmPolicy) {
      case 'disabled': return 'disabled';
      case 'open': return 'allow';
      case 'allowlist': return (await this.listed(this.dm, this.dmUsers, userId)) ? 'allow' : 'not-allowlisted';
      case 'pairing':
        if (await this.listed(this.dm, this.dmUsers, userId)) return 'allow';
        return (await this.pairing.isApproved(userId)) ? 'allow' : 'pair';
    }
  }

  async checkChannel(userId: string, channelTeamId: string): Promise<ChannelVerdict> {
    switch (this.channelPolicy) {
      case 'disabled': return 'disabled';
      case 'open': return 'allow';
      case 'allowlist':
        // A channel of an allowlisted team needs no lookup: only team members post there.
        if (channelTeamId && this.channel.teams.includes(channelTeamId)) return 'allow';
        return (await this.listed(this.channel, this.channelUsers, userId)) ? 'allow' : 'not-allowlisted';
    }
  }

  /** Forget cached team/group membership (e.g. after a settings change). */
  clearMembership(): void {
    this.teamCache.clear();
    this.groupCache.clear();
  }

  private async listed(list: ResolvedAllowlist, users: Set<string>, userId: string): Promise<boolean> {
    if (list.any || users.has(userId)) return true;
    for (const teamId of list.teams) if (await this.inTeam(teamId, userId)) return true;
    for (const groupId of list.groups) if ((await this.groupIds(groupId)).has(userId)) return true;
    return false;
  }

  private async inTeam(teamId: string, userId: string): Promise<boolean> {
    const key = `${teamId}:${userId}`;
    const hit = this.teamCache.get(key);
    if (hit && this.now() - hit.at < MEMBERSHIP_TTL_MS) return hit.member;
    const member = await this.membership.isTeamMember(teamId, userId);
    bounded(this.teamCache).set(key, { member, at: this.now() });
    return member;
  }

  private async groupIds(groupId: string): Promise<Set<string>> {
    const hit = this.groupCache.get(groupId);
    if (hit && this.now() - hit.at < MEMBERSHIP_TTL_MS) return hit.ids;
    const ids = new Set(await this.membership.groupMemberIds(groupId));
    bounded(this.groupCache).set(groupId, { ids, at: this.now() });
    return ids;
  }
}

function bounded<V>(m: Map<string, V>): Map<string, V> {
  if (m.size >= MAX_CACHED) m.delete(m.keys().next().value as string);
  return m;
}
