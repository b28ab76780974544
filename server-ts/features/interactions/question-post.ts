// What an agent question looks like in Mattermost: the question(s) in the message (readable
// on every client), one button per option when a single one-choice question is asked, and
// "Other…" / "Answer…" buttons that open a dialog for free text or several questions.
import { z } from 'zod';
import type { Question } from '../../gateway';
import { RecordStore } from './record-store';
import type { ButtonSpec } from './signed-buttons';
import type { KvPort } from '../conversations/kv';

/** What the plugin keeps of each question: enough to label buttons, build the dialog and check answers. */
export const AskedSchema = z.object({
  id: z.string(),
  header: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  multi: z.boolean(),
  other: z.boolean(),
});
export type Asked = z.infer<typeof AskedSchema>;

export const QuestionRecordSchema = z.object({
  id: z.string(),
  postId: z.string(),
  channelId: z.string(),
  text: z.string(),
  expiresAtMs: z.number(),
  questions: z.array(AskedSchema).min(1),
  /** Who may answer under the "starter" setting; empty when the run was not started from a post. */
  starterId: z.string(),
  starterName: z.string(),
  /** Set by our click or dialog before it asks the gateway, so the post names the person. */
  answerer: z.string().optional(),
  shown: z.string().optional(),
});
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;

export class QuestionStore extends RecordStore<QuestionRecord> {
  constructor(kv: KvPort) {
    super(kv, 'question', QuestionRecordSchema);
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function askedOf(q: Question): Asked {
  return {
    id: q.questionId, header: clip((q.header ?? '').trim() || q.questionId, 40), question: clip(q.question.trim(), 2000),
    options: q.options.map((o) => o.label), multi: q.multiSelect === true,
    // Without options an answer can only be typed.
    other: q.isOther === true || q.options.length === 0,
  };
}

/** A question answered with buttons alone: one question, one choice, and options to choose from. */
export const buttonsOnly = (asked: Asked[]) => asked.length === 1 && !asked[0].multi && asked[0].options.length > 0;

export function questionText(asked: Asked[]): string {
  if (asked.length === 1) return `**OpenClaw asks** (${asked[0].header})\n${asked[0].question}`;
  const lines = asked.map((q, i) => `${i + 1}. **${q.header}**: ${q.question}${q.options.length ? ` (${q.options.join(' · ')})` : ''}`);
  return [`**OpenClaw asks you ${asked.length} questions**`, ...lines].join('\n');
}

/** Choice values signed into the buttons: an option's index, or which dialog to open. */
export const OTHER = 'other';
export const DIALOG = 'dialog';

export function questionButtons(id: string, asked: Asked[]): ButtonSpec[] {
  if (!buttonsOnly(asked)) return [{ id: 'answer', name: 'Answer…', style: 'primary', data: { ref: id, choice: DIALOG } }];
  const [q] = asked;
  const options: ButtonSpec[] = q.options.map((label, i) => ({ id: `o${i}`, name: label, style: i === 0 ? 'primary' : 'default', data: { ref: id, choice: String(i) } }));
  return q.other ? [...options, { id: 'other', name: 'Other…', style: 'default', data: { ref: id, choice: OTHER } }] : options;
}

/** "**Target:** Staging", one line per question, for the decided post. */
export function answerLines(asked: Asked[], answers: Record<string, string[]>): string {
  return asked.filter((q) => answers[q.id]?.length).map((q) => `**${q.header}:** ${answers[q.id].map((a) => clip(a, 500)).join(', ')}`).join('\n');
}
