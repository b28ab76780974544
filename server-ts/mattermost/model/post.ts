// model.Post and what travels inside it. Every field Go sends is listed (a superset of the
// supported server versions), so "read, change one field, write back" loses nothing.
import { t, type Infer } from '../gob';
import { FileInfoType } from './file';
import { ReactionType, EmojiType } from './reaction';
import { UserType } from './user';

const PostEmbedType = t.struct('PostEmbed', () => [
  ['Type', t.string],
  ['URL', t.string],
  ['Data', t.interface],
]);

const PostImageType = t.struct('PostImage', () => [
  ['Width', t.int],
  ['Height', t.int],
  ['Format', t.string],
  ['FrameCount', t.int],
]);

const PostPriorityType = t.struct('PostPriority', () => [
  ['Priority', t.string],
  ['RequestedAck', t.bool],
  ['PersistentNotifications', t.bool],
  ['PostId', t.string],
  ['ChannelId', t.string],
]);

const PostAcknowledgementType = t.struct('PostAcknowledgement', () => [
  ['UserId', t.string],
  ['PostId', t.string],
  ['AcknowledgedAt', t.int],
  ['ChannelId', t.string],
  ['RemoteId', t.string],
]);

const PostTranslationType = t.struct('PostTranslation', () => [
  ['Text', t.string],
  ['Object', t.bytes],
  ['Type', t.string],
  ['State', t.string],
  ['SourceLang', t.string],
]);

export const PostMetadataType = t.struct('PostMetadata', () => [
  ['Embeds', t.slice(PostEmbedType)],
  ['Emojis', t.slice(EmojiType)],
  ['Files', t.slice(FileInfoType)],
  ['Images', t.map(t.string, PostImageType)],
  ['Reactions', t.slice(ReactionType)],
  ['Priority', PostPriorityType],
  ['Acknowledgements', t.slice(PostAcknowledgementType)],
  ['ExpireAt', t.int],
  ['Recipients', t.slice(t.string)],
  ['RedactedFileCount', t.int],
  ['Translations', t.map(t.string, PostTranslationType)],
]);

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
  // Decoded props hold GobInterface values; read them with toPlain().
  ['Props', t.map(t.string, t.interface)],
  ['Hashtags', t.string],
  ['Filenames', t.slice(t.string)],
  ['FileIds', t.slice(t.string)],
  ['PendingPostId', t.string],
  ['HasReactions', t.bool],
  ['RemoteId', t.string],
  ['ReplyCount', t.int],
  ['LastReplyAt', t.int],
  ['Participants', t.slice(UserType)],
  ['IsFollowing', t.bool],
  ['Metadata', PostMetadataType],
]);
export type Post = Infer<typeof PostType>;
export type PostMetadata = Infer<typeof PostMetadataType>;

export const PostListType = t.struct('PostList', () => [
  ['Order', t.slice(t.string)],
  ['Posts', t.map(t.string, PostType)],
  ['NextPostId', t.string],
  ['PrevPostId', t.string],
  ['HasNext', t.bool],
  ['FirstInaccessiblePostTime', t.int],
  // 11.x: burn-on-read posts kept apart from Posts (never in JSON, but gob sends every exported field).
  ['BurnOnReadPosts', t.map(t.string, PostType)],
]);
export type PostList = Infer<typeof PostListType>;

/** Registered for interfaces as "*model.PreviewPost" (permalink previews in props). */
export const PreviewPostType = t.struct('PreviewPost', () => [
  ['PostID', t.string],
  ['Post', PostType],
  ['TeamName', t.string],
  ['ChannelDisplayName', t.string],
  ['ChannelType', t.string],
  ['ChannelID', t.string],
]);
