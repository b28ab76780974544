// POST /api/v1/interactions/model-dialog: refreshes and submissions of the /oc_model dialog.
// Mattermost calls it in-process as the submitting user (Mattermost-User-Id, user_id in the
// body overwritten from the session) and passes our JSON answer back to the client: `{}`
// closes the dialog, `{errors}` marks a field, `{error}` shows a line, `{type:"form"}` is the
// refreshed dialog. Anything hostile or broken is answered with `error`, never a failed request.
import { z } from 'zod';
import type { PluginAPI } from '../../mattermost/plugin';
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import type { NonceLedger } from '../interactions/nonces';
import type { SigningSecrets } from '../interactions/signing-secrets';
import { applyModel, chosenOption, confirmation, PickError, type ApplyDeps } from './apply-model';
import { openState } from './dialog-state';
import { MODEL_FIELD, modelDialog, PROVIDER_FIELD, type DialogJson } from './model-dialog';
import { modelOptions, type ModelSource } from './model-options';
import { readJsonValue } from '../http/json-body';

export const MODEL_DIALOG_PATH = '/api/v1/interactions/model-dialog';

const SubmitSchema = z.object({
  type: z.string().optional(),
  state: z.string().max(4000),
  channel_id: z.string().regex(/^[a-z0-9]{26}$/),
  submission: z.record(z.string(), z.unknown()).nullish(),
  cancelled: z.boolean().optional(),
});

export type DialogAnswer = { error?: string; errors?: Record<string, string>; type?: 'form'; form?: DialogJson };

export interface DialogRouteDeps extends ApplyDeps {
  api: Pick<PluginAPI, 'getChannel' | 'hasPermissionToChannel' | 'sendEphemeralPost'>;
  lists: ModelSource;
  secrets: Pick<SigningSecrets, 'get'>;
  nonces: Pick<NonceLedger, 'consume' | 'release'>;
  botUserId(): string;
  log: ServerLogger;
  now?: () => number;
}

const refused = (why: string): DialogAnswer => ({ error: `OpenClaw refused this dialog: ${why}.` });

export async function answerDialog(deps: DialogRouteDeps, userId: string, body: unknown): Promise<DialogAnswer> {
  const parsed = SubmitSchema.safeParse(body);
  if (!parsed.success) return refused('its data is incomplete');
  const { state: rawState, channel_id: channelId, type, cancelled } = parsed.data;
  const opened = openState(await deps.secrets.get('buttons'), rawState, userId, channelId, (deps.now ?? Date.now)());
  if (!opened.ok) {
    deps.log.warn('dialog refused', { reason: opened.reason, user_id: userId });
    return refused(opened.reason);
  }
  if (cancelled) return {};
  const state = opened.state;
  if (!(await deps.api.hasPermissionToChannel(userId, channelId, 'read_channel'))) return refused('you cannot read this channel');
  const options = await modelOptions(deps.lists);
  if (!options.length) return { error: 'OpenClaw could not list its models right now; try again in a moment.' };
  const submission = parsed.data.submission ?? {};
  const provider = typeof submission[PROVIDER_FIELD] === 'string' ? submission[PROVIDER_FIELD] : '';
  if (type === 'refresh') return { type: 'form', form: modelDialog(options, provider, rawState) };

  let option;
  try {
    option = chosenOption(options, submission[MODEL_FIELD]);
  } catch (err) {
    return { errors: { [MODEL_FIELD]: (err as Error).message } };
  }
  if (provider && option.provider !== provider) return { errors: { [MODEL_FIELD]: `${option.value} is not a model of ${provider}.` } };
  // One change per opened dialog: a replayed submission is refused before it reaches the gateway.
  if (!(await deps.nonces.consume(state.nonce, Number(state.expires_at)))) return refused('it was already submitted');
  try {
    const said = await applyModel(deps, { userId, channelId, rootId: state.root_id }, option, state.nonce);
    await deps.api.sendEphemeralPost(userId, { UserId: deps.botUserId(), ChannelId: channelId, RootId: state.root_id, Message: confirmation(option, said) })
      .catch((err: Error) => deps.log.warn('confirmation not shown', { error: err.message }));
    return {};
  } catch (err) {
    await deps.nonces.release(state.nonce).catch(() => undefined);
    return { error: err instanceof PickError ? err.message : `OpenClaw could not change the model: ${(err as Error).message}` };
  }
}

export function modelDialogRoute(deps: DialogRouteDeps): Route {
  return async (_ctx, req, res) => {
    const body = await readJsonValue(req);
    const answer = await answerDialog(deps, req.userId ?? '', body).catch((err: Error) => {
      deps.log.error(`dialog failed: ${err.message}`);
      return { error: 'OpenClaw could not handle this dialog; try again in a moment.' };
    });
    res.json(200, answer);
  };
}
