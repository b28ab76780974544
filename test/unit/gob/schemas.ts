// Test schemas mirroring the Mattermost model structs used in the TS -> Go tests (only the
// fields we send; Go matches by name and leaves the others zero).
import { t, type GobType } from '../../../server-ts/mattermost/gob';

export const RpcRequest = t.struct('Request', () => [['ServiceMethod', t.string], ['Seq', t.uint]]);
export const RpcResponse = t.struct('Response', () => [['ServiceMethod', t.string], ['Seq', t.uint], ['Error', t.string]]);
export const Empty = t.struct('emptyReply', () => []);
export const Point = t.struct('Point', () => [['X', t.int], ['Y', t.int]]);

export const PostActionIntegration = t.struct('PostActionIntegration', () => [
  ['URL', t.string], ['Context', t.map(t.string, t.interface)],
]);
export const PostActionOptions = t.struct('PostActionOptions', () => [['Text', t.string], ['Value', t.string]]);
export const PostAction = t.struct('PostAction', () => [
  ['Id', t.string], ['Type', t.string], ['Name', t.string], ['Disabled', t.bool], ['Style', t.string],
  ['Options', t.slice(PostActionOptions)], ['Integration', PostActionIntegration],
]);
export const SlackAttachmentField = t.struct('SlackAttachmentField', () => [
  ['Title', t.string], ['Value', t.interface], ['Short', t.bool],
]);
export const SlackAttachment = t.struct('SlackAttachment', () => [
  ['Id', t.int], ['Fallback', t.string], ['Color', t.string], ['Title', t.string], ['Text', t.string],
  ['Fields', t.slice(SlackAttachmentField)], ['Timestamp', t.interface], ['Actions', t.slice(PostAction)],
]);
export const SlackAttachments: GobType = t.slice(SlackAttachment);

export const Post = t.struct('Post', () => [
  ['Id', t.string], ['CreateAt', t.int], ['UpdateAt', t.int], ['IsPinned', t.bool], ['UserId', t.string],
  ['ChannelId', t.string], ['RootId', t.string], ['Message', t.string], ['Type', t.string],
  ['Props', t.map(t.string, t.interface)], ['FileIds', t.slice(t.string)], ['ReplyCount', t.int],
  ['IsFollowing', t.bool],
]);

export const AppError = t.struct('AppError', () => [
  ['Id', t.string], ['Message', t.string], ['DetailedError', t.string], ['RequestId', t.string],
  ['StatusCode', t.int], ['Where', t.string], ['SkipTranslation', t.bool],
]);
export const ErrorString = t.struct('ErrorString', () => [['Code', t.int], ['Err', t.string]]);
export const PluginContext = t.struct('Context', () => [
  ['SessionId', t.string], ['RequestId', t.string], ['IPAddress', t.string], ['AcceptLanguage', t.string],
  ['UserAgent', t.string],
]);

export const CommandResponse: GobType = t.struct('CommandResponse', () => [
  ['ResponseType', t.string], ['Text', t.string], ['Username', t.string], ['ChannelId', t.string],
  ['Props', t.map(t.string, t.interface)], ['SkipSlackParsing', t.bool], ['Attachments', SlackAttachments],
  ['ExtraResponses', t.slice(CommandResponse)],
]);

export const ZUpdatePostReturns = t.struct('Z_UpdatePostReturns', () => [['A', Post], ['B', AppError]]);
export const ZErrorReturns = t.struct('Z_ErrorReturns', () => [['A', t.interface], ['B', t.interface]]);

export const Scalars = t.struct('Scalars', () => [
  ['B', t.bool], ['I8', t.int], ['I64', t.int], ['U8', t.uint], ['U64', t.uint], ['F32', t.float], ['F64', t.float],
  ['C', t.complex], ['S', t.string], ['Raw', t.bytes], ['Arr', t.array(t.uint, 3)], ['Sl', t.slice(t.int)],
  ['Em', t.map(t.string, t.bool)], ['Nil', t.map(t.string, t.bool)], ['Ptr', t.int],
]);

export const Tree: GobType = t.struct('Tree', () => [
  ['Name', t.string], ['Children', t.slice(Tree)], ['Meta', t.map(t.int, t.string)],
]);

export const Opaques = t.struct('Opaques', () => [
  ['When', t.opaque('Time', 'gob')], ['Where', t.opaque('URL', 'binary')], ['Zero', t.opaque('Time', 'gob')],
]);
