// model.Reaction and model.Emoji, every field Go sends.
import { t, type Infer } from '../gob';

export const ReactionType = t.struct('Reaction', () => [
  ['UserId', t.string],
  ['PostId', t.string],
  ['EmojiName', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['RemoteId', t.string],
  ['ChannelId', t.string],
]);
export type Reaction = Infer<typeof ReactionType>;

export const EmojiType = t.struct('Emoji', () => [
  ['Id', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['CreatorId', t.string],
  ['Name', t.string],
]);
export type Emoji = Infer<typeof EmojiType>;
