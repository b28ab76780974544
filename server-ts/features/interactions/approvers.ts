// Who may decide exec approvals: the *Exec approvers* setting (usernames, user ids,
// group:<name>), or system admins when it is empty. Read at click time, so a change of the
// setting or of a group applies to the next click.
import type { PluginAPI } from '../../mattermost/plugin';
import { isSystemAdmin } from '../admin/system-admin';
import { resolveAllowlist } from '../conversations/allowlist';

export type ApproverApi = Pick<PluginAPI, 'getUser' | 'getUserByUsername' | 'getTeam' | 'getTeamByName' | 'getGroup' | 'getGroupByName' | 'getGroupMemberUsers'>;

const PAGE = 200;

async function inGroup(api: ApproverApi, groupId: string, userId: string): Promise<boolean> {
  for (let page = 0; page < 50; page++) {
    const members = await api.getGroupMemberUsers(groupId, page, PAGE);
    if (members.some((m) => m.Id === userId)) return true;
    if (members.length < PAGE) return false;
  }
  return false;
}

export async function isApprover(api: ApproverApi, setting: string, userId: string): Promise<boolean> {
  if (!setting.trim()) return isSystemAdmin(api, userId);
  const list = await resolveAllowlist(api, setting, 'Exec approvers');
  if (list.any || list.users.includes(userId)) return true;
  for (const group of list.groups) if (await inGroup(api, group, userId)) return true;
  return false;
}

export const NOT_APPROVER = 'only the exec approvers named in the plugin settings (by default system admins) can decide this.';
