// /oc_model with no argument: opens the model dialog for the invoker. The trigger id comes
// with the command and lives 30 s (mattermost-wave2.md §7), so the dialog opens before any
// slower work; its state is signed and bound to the invoker, the channel and the thread.
import { describeState } from '../../gateway';
import type { CommandArgs } from '../../mattermost/model/command';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayConnection } from '../gateway-link/connection';
import { notConnectedText } from '../commands/not-connected';
import { newNonce } from '../interactions/signed-buttons';
import type { SigningSecrets } from '../interactions/signing-secrets';
import { MODEL_DIALOG_PATH } from './dialog-route';
import { sealState } from './dialog-state';
import { gobDialog, modelDialog } from './model-dialog';
import { modelOptions, type ModelSource } from './model-options';

const LIFETIME_MS = 15 * 60_000;

export interface OpenDialogDeps {
  api: Pick<PluginAPI, 'openInteractiveDialog'>;
  connection: Pick<GatewayConnection, 'current' | 'state'>;
  lists: ModelSource;
  secrets: Pick<SigningSecrets, 'get'>;
  pluginId: string;
  now?: () => number;
}

/** Resolves undefined once the dialog was sent to the invoker, else the sentence to show instead. */
export async function openModelDialog(deps: OpenDialogDeps, args: CommandArgs): Promise<string | undefined> {
  const link = deps.connection.current;
  if (!link || link.state.status !== 'connected') return notConnectedText(describeState(deps.connection.state));
  if (!args.TriggerId) return ':x: Mattermost sent no trigger id with this command, so no dialog can open. Use `/oc_model <provider/model>`.';
  const options = await modelOptions(deps.lists);
  if (!options.length) return ':x: OpenClaw could not list its models right now; try again in a moment.';
  const state = sealState(await deps.secrets.get('buttons'), {
    user_id: args.UserId ?? '', channel_id: args.ChannelId ?? '', root_id: args.RootId ?? '',
    expires_at: String((deps.now ?? Date.now)() + LIFETIME_MS), nonce: newNonce(),
  });
  await deps.api.openInteractiveDialog({
    TriggerId: args.TriggerId, URL: `/plugins/${deps.pluginId}${MODEL_DIALOG_PATH}`, Dialog: gobDialog(modelDialog(options, undefined, state)),
  });
  return undefined;
}
