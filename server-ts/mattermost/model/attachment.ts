// model.SlackAttachment (MessageAttachment in newer servers) and its interactive actions, as
// sent inside Post.Props["attachments"] under the interface name "[]*model.SlackAttachment".
import { t, type Infer } from '../gob';

export const PostActionIntegrationType = t.struct('PostActionIntegration', () => [
  ['URL', t.string],
  ['Context', t.map(t.string, t.interface)],
]);

export const PostActionOptionsType = t.struct('PostActionOptions', () => [
  ['Text', t.string],
  ['Value', t.string],
]);

export const PostActionType = t.struct('PostAction', () => [
  ['Id', t.string],
  ['Type', t.string],
  ['Name', t.string],
  ['Tooltip', t.string],
  ['Disabled', t.bool],
  ['Style', t.string],
  ['DataSource', t.string],
  ['Options', t.slice(PostActionOptionsType)],
  ['DefaultOption', t.string],
  ['Integration', PostActionIntegrationType],
  ['Cookie', t.string],
]);
export type PostAction = Infer<typeof PostActionType>;

export const SlackAttachmentFieldType = t.struct('SlackAttachmentField', () => [
  ['Title', t.string],
  ['Value', t.interface],
  ['Short', t.bool],
]);

export const SlackAttachmentType = t.struct('SlackAttachment', () => [
  ['Id', t.int],
  ['Fallback', t.string],
  ['Color', t.string],
  ['Pretext', t.string],
  ['AuthorName', t.string],
  ['AuthorLink', t.string],
  ['AuthorIcon', t.string],
  ['Title', t.string],
  ['TitleLink', t.string],
  ['Text', t.string],
  ['Fields', t.slice(SlackAttachmentFieldType)],
  ['ImageURL', t.string],
  ['ThumbURL', t.string],
  ['Footer', t.string],
  ['FooterIcon', t.string],
  // Either a string or an int64.
  ['Timestamp', t.interface],
  ['Actions', t.slice(PostActionType)],
]);
export type SlackAttachment = Infer<typeof SlackAttachmentType>;
export const SlackAttachmentsType = t.slice(SlackAttachmentType);
