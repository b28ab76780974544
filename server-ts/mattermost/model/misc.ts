// Smaller model structs of the API surface: KV options, realtime, cluster, dialogs, permissions.
import { t, type Infer } from '../gob';
import { PostActionOptionsType } from './attachment';

export const KVSetOptionsType = t.struct('PluginKVSetOptions', () => [
  ['Atomic', t.bool],
  ['OldValue', t.bytes],
  ['ExpireInSeconds', t.int],
]);
export type KVSetOptions = Infer<typeof KVSetOptionsType>;

export const WebsocketBroadcastType = t.struct('WebsocketBroadcast', () => [
  ['OmitUsers', t.map(t.string, t.bool)],
  ['UserId', t.string],
  ['ChannelId', t.string],
  ['TeamId', t.string],
  ['ConnectionId', t.string],
  ['OmitConnectionId', t.string],
  ['ContainsSanitizedData', t.bool],
  ['ContainsSensitiveData', t.bool],
  ['ReliableClusterSend', t.bool],
  ['BroadcastHooks', t.slice(t.string)],
  ['BroadcastHookArgs', t.slice(t.map(t.string, t.interface))],
]);
export type WebsocketBroadcast = Infer<typeof WebsocketBroadcastType>;

export const PluginClusterEventType = t.struct('PluginClusterEvent', () => [
  ['Id', t.string],
  ['Data', t.bytes],
]);
export type PluginClusterEvent = Infer<typeof PluginClusterEventType>;

export const PluginClusterEventSendOptionsType = t.struct('PluginClusterEventSendOptions', () => [
  ['SendType', t.string],
  ['TargetId', t.string],
]);

const DialogDateTimeConfigType = t.struct('DialogDateTimeConfig', () => [
  ['MinDate', t.string],
  ['MaxDate', t.string],
  ['TimeInterval', t.int],
  ['LocationTimezone', t.string],
  ['ManualTimeEntry', t.bool],
  ['AllowManualTimeEntry', t.bool],
]);

export const DialogElementType = t.struct('DialogElement', () => [
  ['DisplayName', t.string],
  ['Name', t.string],
  // 'text' | 'textarea' | 'select' | 'bool' | 'radio' | 'date' | 'datetime'
  ['Type', t.string],
  ['SubType', t.string],
  ['Default', t.string],
  ['Placeholder', t.string],
  ['HelpText', t.string],
  ['Optional', t.bool],
  ['MinLength', t.int],
  ['MaxLength', t.int],
  ['DataSource', t.string],
  ['DataSourceURL', t.string],
  ['Options', t.slice(PostActionOptionsType)],
  ['MultiSelect', t.bool],
  ['Refresh', t.bool],
  ['DateTimeConfig', DialogDateTimeConfigType],
  ['MinDate', t.string],
  ['MaxDate', t.string],
  ['TimeInterval', t.int],
]);
export type DialogElement = Infer<typeof DialogElementType>;

export const DialogType = t.struct('Dialog', () => [
  ['CallbackId', t.string],
  ['Title', t.string],
  ['IntroductionText', t.string],
  ['IconURL', t.string],
  ['Elements', t.slice(DialogElementType)],
  ['SubmitLabel', t.string],
  ['NotifyOnCancel', t.bool],
  ['State', t.string],
  ['SourceURL', t.string],
]);
export type Dialog = Infer<typeof DialogType>;

export const OpenDialogRequestType = t.struct('OpenDialogRequest', () => [
  ['TriggerId', t.string],
  ['URL', t.string],
  ['Dialog', DialogType],
]);
export type OpenDialogRequest = Infer<typeof OpenDialogRequestType>;

export const PermissionType = t.struct('Permission', () => [
  ['Id', t.string],
  ['Name', t.string],
  ['Description', t.string],
  ['Scope', t.string],
]);

export const HttpHeaderType = t.map(t.string, t.slice(t.string));
