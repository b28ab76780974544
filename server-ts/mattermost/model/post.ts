// model.Post subset we read and write. Decoding is schema-less, so reads see every field the
// server sends; this schema only drives what we encode (Go matches fields by name).
import { t } from '../gob';

export const PostType = t.struct('Post', () => [
  ['Id', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['EditAt', t.int],
  ['DeleteAt', t.int],
  ['IsPinned', t.bool],
  ['UserId', t.string],
  ['ChannelId', t.string],
  ['RootId', t.string],
  ['OriginalId', t.string],
  ['Message', t.string],
  ['MessageSource', t.string],
  ['Type', t.string],
  ['Props', t.map(t.string, t.interface)],
  ['Hashtags', t.string],
  ['FileIds', t.slice(t.string)],
  ['PendingPostId', t.string],
  ['HasReactions', t.bool],
  ['ReplyCount', t.int],
  ['LastReplyAt', t.int],
]);

export interface Post {
  Id?: string;
  CreateAt?: number;
  UpdateAt?: number;
  EditAt?: number;
  DeleteAt?: number;
  IsPinned?: boolean;
  UserId?: string;
  ChannelId?: string;
  RootId?: string;
  OriginalId?: string;
  Message?: string;
  MessageSource?: string;
  Type?: string;
  /** Decoded props hold GobInterface values; use toPlain() from gob to read them as JSON. */
  Props?: Record<string, unknown>;
  Hashtags?: string;
  FileIds?: string[];
  PendingPostId?: string;
  HasReactions?: boolean;
  ReplyCount?: number;
  LastReplyAt?: number;
}
