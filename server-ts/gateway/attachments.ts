// Files that go with a chat.send (gateway-probe-2 §Q2): base64 `content`, images typed
// `image` (the gateway hands them to an image model as image parts, or names them in the
// text for a text model), other files `file` (text files are inlined for the model).
// The gateway refuses the whole message when one is over its limits, so we check first
// and name the file and the limit.
import type { Static } from 'typebox';
import type { ChatSendParamsSchema } from '@openclaw/gateway-protocol';
import { GatewayLinkError } from './errors';
import type { AttachmentLimits } from './hello';

export interface ChatAttachment {
  type: 'image' | 'file';
  mimeType: string;
  fileName: string;
  /** The bytes, or their base64 encoding. */
  content: Uint8Array | string;
}

type WireAttachment = NonNullable<Static<typeof ChatSendParamsSchema>['attachments']>[number];

const MB = 1024 * 1024;
const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

function decodedBytes(content: Uint8Array | string): number {
  if (typeof content !== 'string') return content.byteLength;
  const pad = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return Math.floor((content.length * 3) / 4) - pad;
}

/** Checks the files against the gateway's limits and puts them in wire form. */
export function encodeAttachments(files: ChatAttachment[], limits: AttachmentLimits | undefined): WireAttachment[] {
  if (files.length === 0) return [];
  if (!limits) throw new GatewayLinkError('invalid', 'the OpenClaw gateway announced no attachment limits, so it takes no files');
  let total = 0;
  const out: WireAttachment[] = [];
  for (const f of files) {
    const bytes = decodedBytes(f.content);
    if (f.type === 'image' && bytes > limits.maxImageBytes) {
      throw new GatewayLinkError('invalid', `attachment ${f.fileName}: image is ${size(bytes)}, over the gateway's ${size(limits.maxImageBytes)} image limit`);
    }
    total += bytes;
    const content = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('base64');
    out.push({ type: f.type, mimeType: f.mimeType, fileName: f.fileName, content });
  }
  if (total > limits.maxBytes) {
    throw new GatewayLinkError('invalid', `attachments are ${size(total)} together, over the gateway's ${size(limits.maxBytes)} limit per message`);
  }
  return out;
}
