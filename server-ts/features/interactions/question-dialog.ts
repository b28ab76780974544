// The interactive dialog for an agent question: free text for "Other…", or every question
// of the request at once. Submissions are hostile: each value is checked against what was
// asked, and a bad one comes back as a field error in the dialog.
import type { DialogElement } from '../../mattermost/model/misc';
import type { Asked } from './question-post';

export type DialogMode = 'other' | 'all';

const optionalField = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const MAX_TEXT = 2000;

export function questionElements(asked: Asked[], mode: DialogMode): DialogElement[] {
  if (mode === 'other') {
    const [q] = asked;
    return [{ DisplayName: q.header, Name: 'q0other', Type: 'textarea', HelpText: q.question, MaxLength: MAX_TEXT, Placeholder: 'Your answer' }];
  }
  return asked.flatMap((q, i): DialogElement[] => {
    const out: DialogElement[] = [];
    if (q.options.length) {
      out.push({
        DisplayName: q.header, Name: `q${i}`, Type: 'select', HelpText: q.question, Optional: q.other, MultiSelect: q.multi,
        Options: q.options.map((label) => ({ Text: label, Value: label })),
      });
    }
    if (q.other) {
      out.push({
        DisplayName: q.options.length ? `${q.header}: other answer` : q.header, Name: `q${i}other`, Type: 'text', MaxLength: MAX_TEXT,
        Optional: q.options.length > 0, HelpText: q.options.length ? 'Instead of choosing an option above' : q.question,
      });
    }
    return out;
  });
}

export type ParsedAnswers = { ok: true; answers: Record<string, string[]> } | { ok: false; errors: Record<string, string> };

function chosen(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function parseSubmission(asked: Asked[], mode: DialogMode, submission: Record<string, unknown>): ParsedAnswers {
  const answers: Record<string, string[]> = {};
  const errors: Record<string, string> = {};
  const list = mode === 'other' ? asked.slice(0, 1) : asked;
  list.forEach((q, i) => {
    const picked = mode === 'other' ? [] : chosen(submission[`q${i}`]);
    const typed = q.other ? optionalField(submission[`q${i}other`]).slice(0, MAX_TEXT) : '';
    const field = typed || !q.options.length || mode === 'other' ? `q${i}other` : `q${i}`;
    if (picked.some((p) => !q.options.includes(p))) errors[`q${i}`] = 'Choose one of the listed options.';
    else if (!picked.length && !typed) errors[field] = 'Answer this question.';
    else if (!q.multi && picked.length + (typed ? 1 : 0) > 1) errors[field] = 'Choose one option or type an answer, not both.';
    else answers[q.id] = typed ? [...picked, typed] : picked;
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}
