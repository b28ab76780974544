// The state an open model dialog carries. Mattermost hands `state` back verbatim on refresh
// and submission, but the submitter controls that request body (url, callback_id, state are
// all client-side), so the state is signed with the buttons secret (same HMAC as our
// buttons) and bound to the person who opened the dialog, the conversation and an expiry.
import { z } from 'zod';
import { hasValidToken, signed } from '../interactions/signature';

export const DIALOG_KIND = 'model-dialog';
const Id = z.string().regex(/^[a-z0-9]{26}$/);

const DialogStateSchema = z.object({
  kind: z.literal(DIALOG_KIND),
  user_id: Id,
  channel_id: Id,
  root_id: z.union([Id, z.literal('')]),
  expires_at: z.string().regex(/^\d{1,15}$/),
  nonce: z.string().regex(/^[A-Za-z0-9]{16,64}$/),
  _token: z.string(),
}).strict();
export type DialogState = z.infer<typeof DialogStateSchema>;

export type StateFields = Omit<DialogState, 'kind' | '_token'>;

export function sealState(secret: string, fields: StateFields): string {
  return JSON.stringify(signed(secret, { kind: DIALOG_KIND, ...fields }));
}

export type Opened = { ok: true; state: DialogState } | { ok: false; reason: string };

/** Checks a state handed back by a submitter: signature first, then who, where and when. */
export function openState(secret: string, raw: string, userId: string, channelId: string, nowMs: number): Opened {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'this dialog is not one of ours' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'this dialog is not one of ours' };
  if (!hasValidToken(secret, value as Record<string, unknown>)) return { ok: false, reason: 'this dialog\'s signature does not match (it was changed or made elsewhere)' };
  const state = DialogStateSchema.safeParse(value);
  if (!state.success) return { ok: false, reason: 'this dialog is not one of ours' };
  if (Number(state.data.expires_at) <= nowMs) return { ok: false, reason: 'this dialog has expired; run /oc_model again' };
  if (state.data.user_id !== userId) return { ok: false, reason: 'this dialog was opened by someone else' };
  if (state.data.channel_id !== channelId) return { ok: false, reason: 'this dialog was opened in another channel' };
  return { ok: true, state: state.data };
}
