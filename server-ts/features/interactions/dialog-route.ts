// The plugin route our interactive dialogs submit to, shared by every feature that opens
// one (handlers are keyed by kind). Mattermost passes the submitter's id; `state`,
// `callback_id` and the values are the client's, so `state` is signed like a button context
// (kind, channel, expiry and the handler's own fields) and checked before a handler runs.
import { z } from 'zod';
import type { PluginAPI } from '../../mattermost/plugin';
import type { DialogElement } from '../../mattermost/model/misc';
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { hasValidToken, signed } from './signature';
import type { SigningSecrets } from './signing-secrets';
import { readJsonValue } from '../http/json-body';

export const DIALOG_PATH = '/api/v1/interactions/dialog';

const id = z.string().regex(/^[a-z0-9]{26}$/, 'not a Mattermost id');

const SubmissionSchema = z.object({
  type: z.string().optional(),
  callback_id: z.string().optional(),
  state: z.string().max(16_000),
  channel_id: id,
  team_id: z.string().optional(),
  submission: z.record(z.string(), z.unknown()).nullish(),
  cancelled: z.boolean().optional(),
});

/** Signed into every dialog's state; handler fields are strings, like button contexts. */
const StateSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z-]{0,31}$/),
  channel_id: id,
  expires_at: z.string().regex(/^\d{1,15}$/),
  _token: z.string(),
}).catchall(z.string());
export type DialogState = z.infer<typeof StateSchema>;

export interface VerifiedSubmission {
  userId: string;
  channelId: string;
  state: DialogState;
  values: Record<string, unknown>;
}

/** What the dialog shows back: nothing closes it; `error` or field `errors` keep it open. */
export interface DialogAnswer { error?: string; errors?: Record<string, string> }

export interface DialogHandler {
  kind: string;
  handle(submission: VerifiedSubmission): Promise<DialogAnswer | undefined>;
}

export interface SignedDialog {
  triggerId: string;
  kind: string;
  channelId: string;
  expiresAtMs: number;
  /** The handler's own fields, signed with the rest. */
  data: Record<string, string>;
  title: string;
  introduction?: string;
  elements: DialogElement[];
  submitLabel?: string;
}

export async function openSignedDialog(api: Pick<PluginAPI, 'openInteractiveDialog'>, secrets: Pick<SigningSecrets, 'get'>, pluginId: string, d: SignedDialog): Promise<void> {
  const state = signed(await secrets.get('buttons'), { ...d.data, kind: d.kind, channel_id: d.channelId, expires_at: String(d.expiresAtMs) });
  await api.openInteractiveDialog({
    TriggerId: d.triggerId, URL: `/plugins/${pluginId}${DIALOG_PATH}`,
    Dialog: {
      CallbackId: d.kind, Title: d.title.slice(0, 24), IntroductionText: d.introduction ?? '', Elements: d.elements,
      SubmitLabel: d.submitLabel ?? 'Submit', NotifyOnCancel: false, State: JSON.stringify(state),
    },
  });
}

export interface DialogRouteDeps {
  api: Pick<PluginAPI, 'hasPermissionToChannel'>;
  secrets: Pick<SigningSecrets, 'get'>;
  handlers: DialogHandler[];
  log: ServerLogger;
  now?: () => number;
}

function parseState(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Checks a submission; resolves the refusal sentence, or the verified submission. */
async function verify(deps: DialogRouteDeps, userId: string, body: unknown): Promise<string | { ok: VerifiedSubmission; handler: DialogHandler }> {
  const req = SubmissionSchema.safeParse(body);
  if (!req.success) return 'this dialog submission is incomplete.';
  const state = StateSchema.safeParse(parseState(req.data.state));
  if (!state.success || !hasValidToken(await deps.secrets.get('buttons'), state.data)) return 'this dialog was not opened by OpenClaw or was changed.';
  const handler = deps.handlers.find((h) => h.kind === state.data.kind);
  if (!handler) return 'this dialog belongs to a feature this plugin does not know.';
  if (Number(state.data.expires_at) <= (deps.now ?? Date.now)()) return 'this dialog has expired.';
  if (state.data.channel_id !== req.data.channel_id) return 'this dialog was opened for another channel.';
  if (!(await deps.api.hasPermissionToChannel(userId, req.data.channel_id, 'read_channel'))) return 'you cannot read this channel.';
  return { ok: { userId, channelId: req.data.channel_id, state: state.data, values: req.data.submission ?? {} }, handler };
}

export function dialogRoute(deps: DialogRouteDeps): Route {
  return async (_ctx, req, res) => {
    const userId = req.userId ?? '';
    const body = await readJsonValue(req);
    if (z.object({ cancelled: z.literal(true) }).safeParse(body).success) return res.json(200, {});
    const verdict = await verify(deps, userId, body).catch((err: Error) => {
      deps.log.error(`interactions: verifying a dialog submission failed: ${err.message}`);
      return 'OpenClaw could not check this submission; try again in a moment.';
    });
    if (typeof verdict === 'string') {
      deps.log.warn('interactions: dialog submission refused', { reason: verdict, user_id: userId });
      return res.json(200, { error: `OpenClaw refused this submission: ${verdict}` });
    }
    try {
      return res.json(200, (await verdict.handler.handle(verdict.ok)) ?? {});
    } catch (err) {
      deps.log.warn('interactions: dialog submission not carried out', { kind: verdict.handler.kind, error: (err as Error).message });
      return res.json(200, { error: `OpenClaw could not carry this out: ${(err as Error).message}` });
    }
  };
}
