// Smaller model structs used by the API surface.
import { t } from '../gob';
import { PostActionOptionsType } from './attachment';

export const BotType = t.struct('Bot', () => [
  ['UserId', t.string],
  ['Username', t.string],
  ['DisplayName', t.string],
  ['Description', t.string],
  ['OwnerId', t.string],
]);

export interface Bot { Username: string; DisplayName?: string; Description?: string; OwnerId?: string }

export const KVSetOptionsType = t.struct('PluginKVSetOptions', () => [
  ['Atomic', t.bool],
  ['OldValue', t.bytes],
  ['ExpireInSeconds', t.int],
]);

export interface KVSetOptions { Atomic?: boolean; OldValue?: Uint8Array | null; ExpireInSeconds?: number }

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
]);

export interface WebsocketBroadcast { UserId?: string; ChannelId?: string; TeamId?: string; OmitUsers?: Record<string, boolean> }

export const PluginClusterEventType = t.struct('PluginClusterEvent', () => [
  ['Id', t.string],
  ['Data', t.bytes],
]);

export const PluginClusterEventSendOptionsType = t.struct('PluginClusterEventSendOptions', () => [
  ['SendType', t.string],
  ['TargetId', t.string],
]);

export interface PluginClusterEvent { Id?: string; Data?: Uint8Array }

export const DialogElementType = t.struct('DialogElement', () => [
  ['DisplayName', t.string],
  ['Name', t.string],
  ['Type', t.string],
  ['SubType', t.string],
  ['Default', t.string],
  ['Placeholder', t.string],
  ['HelpText', t.string],
  ['Optional', t.bool],
  ['MinLength', t.int],
  ['MaxLength', t.int],
  ['DataSource', t.string],
  ['Options', t.slice(PostActionOptionsType)],
]);

export const DialogType = t.struct('Dialog', () => [
  ['CallbackId', t.string],
  ['Title', t.string],
  ['IntroductionText', t.string],
  ['IconURL', t.string],
  ['Elements', t.slice(DialogElementType)],
  ['SubmitLabel', t.string],
  ['NotifyOnCancel', t.bool],
  ['State', t.string],
]);

export const OpenDialogRequestType = t.struct('OpenDialogRequest', () => [
  ['TriggerId', t.string],
  ['URL', t.string],
  ['Dialog', DialogType],
]);

export interface DialogElement {
  DisplayName: string; Name: string; Type: 'text' | 'textarea' | 'select' | 'bool' | 'radio';
  SubType?: string; Default?: string; Placeholder?: string; HelpText?: string; Optional?: boolean;
  MinLength?: number; MaxLength?: number; DataSource?: string; Options?: Array<{ Text: string; Value: string }>;
}

export interface OpenDialogRequest {
  TriggerId: string;
  URL: string;
  Dialog: { CallbackId?: string; Title: string; IntroductionText?: string; IconURL?: string; Elements?: DialogElement[]; SubmitLabel?: string; NotifyOnCancel?: boolean; State?: string };
}

export const HttpHeaderType = t.map(t.string, t.slice(t.string));

export const PermissionType = t.struct('Permission', () => [
  ['Id', t.string],
  ['Name', t.string],
  ['Description', t.string],
  ['Scope', t.string],
]);

export const ReactionType = t.struct('Reaction', () => [
  ['UserId', t.string],
  ['PostId', t.string],
  ['EmojiName', t.string],
  ['CreateAt', t.int],
]);
