// model.Team and model.Group, every field Go sends.
import { t, type Infer } from '../gob';

export const TeamType = t.struct('Team', () => [
  ['Id', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['DisplayName', t.string],
  ['Name', t.string],
  ['Description', t.string],
  ['Email', t.string],
  ['Type', t.string],
  ['CompanyName', t.string],
  ['AllowedDomains', t.string],
  ['InviteId', t.string],
  ['AllowOpenInvite', t.bool],
  ['LastTeamIconUpdate', t.int],
  ['SchemeId', t.string],
  ['GroupConstrained', t.bool],
  ['PolicyID', t.string],
  ['CloudLimitsArchived', t.bool],
]);
export type Team = Infer<typeof TeamType>;

export const GroupType = t.struct('Group', () => [
  ['Id', t.string],
  ['Name', t.string],
  ['DisplayName', t.string],
  ['Description', t.string],
  ['Source', t.string],
  ['RemoteId', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['HasSyncables', t.bool],
  ['MemberCount', t.int],
  ['AllowReference', t.bool],
  ['ChannelMemberCount', t.int],
  ['ChannelMemberTimezonesCount', t.int],
  ['MemberIDs', t.slice(t.string)],
]);
export type Group = Infer<typeof GroupType>;
