// The Mattermost API calls conversations make, as a slice of the plugin API (unit tests
// pass small fakes), plus the lookups built on top of it.
import type { PluginAPI } from '../../mattermost/plugin';
import type { MembershipPort } from './access';
import type { ChannelLookupPort } from './channel-cache';

export type MattermostPort = Pick<PluginAPI,
  | 'getUser' | 'getUserByUsername' | 'getTeam' | 'getTeamByName' | 'getGroup' | 'getGroupByName' | 'getGroupMemberUsers'
  | 'getChannel' | 'getChannelMember' | 'getDirectChannel'
  | 'createPost' | 'sendEphemeralPost' | 'addReaction' | 'removeReaction' | 'publishUserTyping'
  | 'getFileInfo' | 'getFile' | 'uploadFile'
  | 'kvGet' | 'kvSet' | 'kvSetWithOptions' | 'kvDelete' | 'publishPluginClusterEvent'>;

function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: unknown } | undefined)?.statusCode === 404;
}

/** Channel facts for the cache; `onCall` counts the API calls the decision path makes. */
export function channelLookup(mm: MattermostPort, onCall: () => void): ChannelLookupPort {
  return {
    getChannel: (id) => { onCall(); return mm.getChannel(id); },
    isChannelMember: async (channelId, userId) => {
      onCall();
      try {
        return !!(await mm.getChannelMember(channelId, userId)).UserId;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
    teamName: async (teamId) => { onCall(); return (await mm.getTeam(teamId)).Name ?? ''; },
  };
}

const GROUP_PAGE = 200;
const GROUP_MAX = 10_000;

/**
 * Team and group membership for allowlists. The plugin API has no team-member lookup yet,
 * so `isTeamMember` is supplied separately (see plugin.ts); without it team entries only
 * match posts in that team's channels.
 */
export function membershipLookup(mm: MattermostPort, isTeamMember?: (teamId: string, userId: string) => Promise<boolean>): MembershipPort {
  return {
    isTeamMember: (teamId, userId) => (isTeamMember ? isTeamMember(teamId, userId) : Promise.resolve(false)),
    groupMemberIds: async (groupId) => {
      const ids: string[] = [];
      for (let page = 0; ids.length < GROUP_MAX; page++) {
        const users = await mm.getGroupMemberUsers(groupId, page, GROUP_PAGE);
        for (const u of users) if (u.Id) ids.push(u.Id);
        if (users.length < GROUP_PAGE) break;
      }
      return ids;
    },
  };
}
