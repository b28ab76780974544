// Files on a relayed post become chat.send attachments (gateway-probe-2 §3): base64
// content, `image` for image/* types. The gateway refuses the whole request when one file
// is over its limit, so such files are left out and the sender is told which and why;
// the text still goes. A file that cannot be read is treated the same way.
import type { AttachmentLimits, ChatAttachment } from './agent-port';

export interface FileSource {
  getFileInfo(fileId: string): Promise<{ Name?: string; Size?: number; MimeType?: string }>;
  getFile(fileId: string): Promise<Uint8Array>;
}

export interface AttachmentResult {
  attachments: ChatAttachment[];
  /** One line per file left out, for the sender. */
  skipped: string[];
}

const MAX_FILES = 10;

export function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

export async function collectAttachments(files: FileSource, fileIds: string[], limits: AttachmentLimits | undefined): Promise<AttachmentResult> {
  const out: AttachmentResult = { attachments: [], skipped: [] };
  if (fileIds.length && !limits) {
    out.skipped.push(`${fileIds.length === 1 ? 'the attached file' : `${fileIds.length} attached files`}: this OpenClaw connection cannot carry files yet`);
    return out;
  }
  if (!limits) return out;
  let total = 0;
  for (const [i, id] of fileIds.entries()) {
    if (i >= MAX_FILES) {
      out.skipped.push(`${fileIds.length - MAX_FILES} more file(s): at most ${MAX_FILES} files go with one message`);
      break;
    }
    let info: { Name?: string; Size?: number; MimeType?: string };
    try {
      info = await files.getFileInfo(id);
    } catch {
      out.skipped.push(`a file could not be read`);
      continue;
    }
    const name = (info.Name ?? 'file').slice(0, 200);
    const mimeType = info.MimeType || 'application/octet-stream';
    const size = info.Size ?? 0;
    const image = mimeType.startsWith('image/');
    const limit = image ? limits.maxImageBytes : limits.maxBytes;
    if (size > limit) {
      out.skipped.push(`${name} (${mib(size)}) is over the ${image ? 'image ' : ''}limit of ${mib(limit)}`);
      continue;
    }
    if (total + size > limits.maxBytes) {
      out.skipped.push(`${name}: all files of one message together may be at most ${mib(limits.maxBytes)}`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await files.getFile(id);
    } catch {
      out.skipped.push(`${name} could not be read`);
      continue;
    }
    total += bytes.length;
    out.attachments.push({ type: image ? 'image' : 'file', mimeType, fileName: name, content: Buffer.from(bytes).toString('base64') });
  }
  return out;
}
