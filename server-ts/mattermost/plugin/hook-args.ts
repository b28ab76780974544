// Z_<Hook>Args as the server sends them: each hook's arguments by position (A, B, C), declared
// once so dispatch can check them and hand the hook its declared types.
import { t } from '../gob';
import { PluginContextType } from '../model/context';
import { PostType } from '../model/post';
import { CommandArgsType } from '../model/command';
import { PluginClusterEventType } from '../model/misc';
import { ReactionType } from '../model/reaction';
import { ChannelMemberType } from '../model/channel';
import { UserType } from '../model/user';
import { HttpHeaderType } from '../model/misc';
import { PushNotificationType } from '../model/push';

export const OnActivateArgsType = t.struct('Z_OnActivateArgs', () => [['APIMuxId', t.uint], ['DriverMuxId', t.uint]]);
export const ExecuteCommandArgsType = t.struct('Z_ExecuteCommandArgs', () => [['A', PluginContextType], ['B', CommandArgsType]]);
export const PostArgsType = t.struct('Z_PostArgs', () => [['A', PluginContextType], ['B', PostType]]);
export const PostUpdatedArgsType = t.struct('Z_MessageHasBeenUpdatedArgs', () => [['A', PluginContextType], ['B', PostType], ['C', PostType]]);
export const ReactionArgsType = t.struct('Z_ReactionArgs', () => [['A', PluginContextType], ['B', ReactionType]]);
export const ClusterEventArgsType = t.struct('Z_OnPluginClusterEventArgs', () => [['A', PluginContextType], ['B', PluginClusterEventType]]);
export const JoinedChannelArgsType = t.struct('Z_UserHasJoinedChannelArgs', () => [['A', PluginContextType], ['B', ChannelMemberType], ['C', UserType]]);
export const PushArgsType = t.struct('Z_NotificationWillBePushedArgs', () => [['A', PushNotificationType], ['B', t.string]]);
/** A: a replacement notification (nil: unchanged); B: a rejection reason ('' lets it through). */
export const PushReturnsType = t.struct('Z_NotificationWillBePushedReturns', () => [['A', PushNotificationType], ['B', t.string]]);
export const LeftChannelArgsType = t.struct('Z_UserHasLeftChannelArgs', () => [['A', PluginContextType], ['B', ChannelMemberType], ['C', UserType]]);

// *http.Request (before 10.7) and HTTPRequestSubset (since) share these field names. URL is
// url.URL's binary form in the first and a string in the second, so it is read apart.
export const WireRequestType = t.struct('HTTPRequestSubset', () => [
  ['Method', t.string],
  ['Header', HttpHeaderType],
  ['Host', t.string],
  ['RemoteAddr', t.string],
  ['RequestURI', t.string],
]);
export const ServeHTTPArgsType = t.struct('Z_ServeHTTPArgs', () => [
  ['ResponseWriterStream', t.uint],
  ['Request', WireRequestType],
  ['Context', PluginContextType],
  ['RequestBodyStream', t.uint],
]);
