// Puts the model picker together for plugin.ts: /oc_model without argument opens the dialog
// (and still shows the current model through the relay), /oc_models posts paged buttons,
// the dialog route answers the dialog and the click handler joins the interactions' click route.
import { describeState } from '../../gateway';
import type { CommandArgs, CommandResponse } from '../../mattermost/model/command';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayConnection } from '../gateway-link/connection';
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { notConnectedText } from '../commands/not-connected';
import { triggerOf } from '../commands/register';
import type { ClickHandler } from '../interactions/click-route';
import { NonceLedger } from '../interactions/nonces';
import { SigningSecrets } from '../interactions/signing-secrets';
import { modelDialogRoute } from './dialog-route';
import type { ModelSource } from './model-options';
import { modelPickHandler, postModels } from './models-post';
import { openModelDialog } from './open-dialog';

export interface ModelPicker {
  dialogRoute: Route;
  clickHandler: ClickHandler;
  /** Answers /oc_model (no argument) and /oc_models; undefined: not ours, relay the command as usual. */
  command(args: CommandArgs): Promise<CommandResponse | undefined>;
}

export function createModelPicker(api: PluginAPI, connection: GatewayConnection, opts: {
  lists: ModelSource;
  pluginId: string;
  botUserId: () => string;
  log: ServerLogger;
}): ModelPicker {
  // Same KV records as the interactions feature's own instances: one secret, one nonce ledger.
  const deps = { api, connection, secrets: new SigningSecrets(api), nonces: new NonceLedger(api), ...opts };
  const privately = (Text: string): CommandResponse => ({ ResponseType: 'ephemeral', Text });
  return {
    dialogRoute: modelDialogRoute(deps),
    clickHandler: modelPickHandler(deps),
    async command(args) {
      const trigger = triggerOf(args.Command);
      const argument = (args.Command ?? '').trim().split(/\s+/).slice(1).join(' ');
      try {
        if (trigger === 'oc_model' && !argument) {
          const problem = await openModelDialog(deps, args);
          return problem ? privately(problem) : undefined;
        }
        if (trigger !== 'oc_models') return undefined;
        const link = connection.current;
        if (!link || link.state.status !== 'connected') return privately(notConnectedText(describeState(connection.state)));
        const at = { userId: args.UserId ?? '', channelId: args.ChannelId ?? '', rootId: args.RootId ?? '' };
        const problem = await postModels(deps, at, argument.split(' ')[0] ?? '');
        return problem ? privately(problem) : {};
      } catch (err) {
        opts.log.error(`/${trigger} failed: ${(err as Error).message}`);
        return privately(`:x: OpenClaw could not show the model picker: ${(err as Error).message}`);
      }
    },
  };
}
