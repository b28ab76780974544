// Schemas of the TS -> Go tests: Go's own test types and net/rpc frames. Mattermost structs
// come from the model (declared once), so these tests check the schemas the plugin really uses.
import { t, type GobType } from '../../../server-ts/mattermost/gob';
import {
  AppErrorType as AppError, CommandResponseType as CommandResponse, ErrorStringType as ErrorString,
  PluginContextType as PluginContext, PostType as Post, SlackAttachmentsType as SlackAttachments,
} from '../../../server-ts/mattermost/model';

export { AppError, CommandResponse, ErrorString, PluginContext, Post, SlackAttachments };

export const RpcRequest = t.struct('Request', () => [['ServiceMethod', t.string], ['Seq', t.uint]]);
export const RpcResponse = t.struct('Response', () => [['ServiceMethod', t.string], ['Seq', t.uint], ['Error', t.string]]);
export const Empty = t.struct('emptyReply', () => []);
export const Point = t.struct('Point', () => [['X', t.int], ['Y', t.int]]);

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
