// model.Channel and model.ChannelMember, every field Go sends.
import { t, type Infer } from '../gob';

const ChannelBannerInfoType = t.struct('ChannelBannerInfo', () => [
  ['Enabled', t.bool],
  ['Text', t.string],
  ['BackgroundColor', t.string],
]);

export const ChannelType = t.struct('Channel', () => [
  ['Id', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['TeamId', t.string],
  // 'O' open, 'P' private, 'D' direct, 'G' group.
  ['Type', t.string],
  ['DisplayName', t.string],
  ['Name', t.string],
  ['Header', t.string],
  ['Purpose', t.string],
  ['LastPostAt', t.int],
  ['TotalMsgCount', t.int],
  ['ExtraUpdateAt', t.int],
  ['CreatorId', t.string],
  ['SchemeId', t.string],
  ['Props', t.map(t.string, t.interface)],
  ['GroupConstrained', t.bool],
  ['AutoTranslation', t.bool],
  ['Shared', t.bool],
  ['TotalMsgCountRoot', t.int],
  ['PolicyID', t.string],
  ['LastRootPostAt', t.int],
  ['BannerInfo', ChannelBannerInfoType],
  ['PolicyEnforced', t.bool],
  ['PolicyIsActive', t.bool],
  ['PolicyActions', t.map(t.string, t.bool)],
  ['DefaultCategoryName', t.string],
  ['ManagedCategoryName', t.string],
  ['Discoverable', t.bool],
]);
export type Channel = Infer<typeof ChannelType>;

export const ChannelMemberType = t.struct('ChannelMember', () => [
  ['ChannelId', t.string],
  ['UserId', t.string],
  ['Roles', t.string],
  ['LastViewedAt', t.int],
  ['MsgCount', t.int],
  ['MentionCount', t.int],
  ['MentionCountRoot', t.int],
  ['UrgentMentionCount', t.int],
  ['MsgCountRoot', t.int],
  ['NotifyProps', t.map(t.string, t.string)],
  ['LastUpdateAt', t.int],
  ['SchemeGuest', t.bool],
  ['SchemeUser', t.bool],
  ['SchemeAdmin', t.bool],
  ['ExplicitRoles', t.string],
  ['AutoTranslationDisabled', t.bool],
]);
export type ChannelMember = Infer<typeof ChannelMemberType>;
