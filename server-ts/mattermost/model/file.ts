// model.FileInfo, every field Go sends.
import { t, type Infer } from '../gob';

export const FileInfoType = t.struct('FileInfo', () => [
  ['Id', t.string],
  ['CreatorId', t.string],
  ['PostId', t.string],
  ['ChannelId', t.string],
  ['CreateAt', t.int],
  ['UpdateAt', t.int],
  ['DeleteAt', t.int],
  ['Path', t.string],
  ['ThumbnailPath', t.string],
  ['PreviewPath', t.string],
  ['Name', t.string],
  ['Extension', t.string],
  ['Size', t.int],
  ['MimeType', t.string],
  ['Width', t.int],
  ['Height', t.int],
  ['HasPreviewImage', t.bool],
  ['MiniPreview', t.bytes],
  ['Content', t.string],
  ['RemoteId', t.string],
  ['Archived', t.bool],
]);
export type FileInfo = Infer<typeof FileInfoType>;
