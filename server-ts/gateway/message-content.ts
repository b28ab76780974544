// The `message` of chat events, session messages and history entries. The protocol types
// it as unknown, so this is our own schema: the parts we read (text, thinking, media) and
// nothing else. Reasoning is kept apart from the answer text everywhere it can appear.
import { z } from 'zod';
import { splitReasoning } from './reasoning';

const Part = z.object({
  type: z.string(),
  text: z.string().optional(),
  thinking: z.string().optional(),
  artifactId: z.string().optional(),
  alt: z.string().optional(),
  mimeType: z.string().optional(),
  attachment: z.object({
    artifactId: z.string().optional(),
    label: z.string().optional(),
    mimeType: z.string().optional(),
    code: z.string().optional(),
  }).passthrough().optional(),
}).passthrough();

export const MessageSchema = z.object({
  role: z.string().optional(),
  content: z.union([z.string(), z.array(Part)]).optional(),
}).passthrough();
export type Message = z.infer<typeof MessageSchema>;

function parts(message: unknown): Array<z.infer<typeof Part>> {
  const m = MessageSchema.safeParse(message);
  if (!m.success) return [];
  const c = m.data.content;
  return typeof c === 'string' ? [{ type: 'text', text: c }] : (c ?? []);
}

export interface MessageText {
  /** What the agent said, for people to read: never contains reasoning. */
  text: string;
  /** Model reasoning found in the message (thinking parts, think tags, "Reasoning:" preambles). */
  reasoning: string;
}

export function readMessageText(message: unknown): MessageText {
  const all = parts(message);
  const raw = all.filter((p) => p.type === 'text' && typeof p.text === 'string').map((p) => p.text).join('');
  const thinking = all.filter((p) => p.type === 'thinking' && typeof p.thinking === 'string').map((p) => p.thinking);
  const split = splitReasoning(raw);
  return { text: split.text, reasoning: [...thinking, split.reasoning].filter(Boolean).join('\n\n') };
}

/** A file the agent attached to a message (transcript only; see media.ts). */
export type MediaPart =
  | { kind: 'image' | 'file'; artifactId: string; fileName?: string; mimeType?: string }
  | { kind: 'error'; code: string; fileName?: string };

export function readMediaParts(message: unknown): MediaPart[] {
  const out: MediaPart[] = [];
  for (const p of parts(message)) {
    if (p.type === 'image' && p.artifactId) out.push({ kind: 'image', artifactId: p.artifactId, fileName: p.alt, mimeType: p.mimeType });
    const a = p.attachment;
    if (p.type === 'attachment' && a?.artifactId) out.push({ kind: 'file', artifactId: a.artifactId, fileName: a.label, mimeType: a.mimeType });
    if (p.type === 'attachment_error') out.push({ kind: 'error', code: a?.code ?? 'unknown', fileName: a?.label });
  }
  return out;
}

/** `MEDIA:<ref>` lines of a raw reply: how many files the gateway will attach to the message. */
export function countMediaRefs(rawReply: string): number {
  return rawReply.split('\n').filter((line) => /^\s*MEDIA:\s*\S/.test(line)).length;
}
