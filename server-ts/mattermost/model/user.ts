// model.User, every field Go sends.
import { t, type Infer } from '../gob';

export const UserType = t.struct('User', () => [
  ['Id', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['Username', t.string],
  ['Password', t.string],
  ['AuthData', t.string],
  ['AuthService', t.string],
  ['Email', t.string],
  ['EmailVerified', t.bool],
  ['Nickname', t.string],
  ['FirstName', t.string],
  ['LastName', t.string],
  ['Position', t.string],
  ['Roles', t.string],
  ['AllowMarketing', t.bool],
  ['Props', t.map(t.string, t.string)],
  ['NotifyProps', t.map(t.string, t.string)],
  ['LastPasswordUpdate', t.int],
  ['LastPictureUpdate', t.int],
  ['FailedAttempts', t.int],
  ['Locale', t.string],
  ['Timezone', t.map(t.string, t.string)],
  ['MfaActive', t.bool],
  ['MfaSecret', t.string],
  ['RemoteId', t.string],
  ['LastActivityAt', t.int],
  ['IsBot', t.bool],
  ['BotDescription', t.string],
  ['BotLastIconUpdate', t.int],
  ['TermsOfServiceId', t.string],
  ['TermsOfServiceCreateAt', t.int],
  ['DisableWelcomeEmail', t.bool],
  ['LastLogin', t.int],
  ['MfaUsedTimestamps', t.slice(t.string)],
]);
export type User = Infer<typeof UserType>;

export const BotType = t.struct('Bot', () => [
  ['UserId', t.string],
  ['Username', t.string],
  ['DisplayName', t.string],
  ['Description', t.string],
  ['OwnerId', t.string],
  ['LastIconUpdate', t.int],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
]);
export type Bot = Infer<typeof BotType>;
