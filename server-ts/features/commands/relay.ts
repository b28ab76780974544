// Relays an /oc_* command to the gateway. The invoker sees a private acknowledgement at
// once; it is replaced in place by the gateway's answer (or by a clear error).
import { AnswerTimeoutError, deriveIdempotencyKey, describeState, GatewayLinkError, RunAbortedError, type RunOutcome } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { CommandArgs } from '../../mattermost/model/command';
import type { PluginContext } from '../../mattermost/model/context';
import type { GatewayConnection } from '../gateway-link/connection';
import { sessionKeyFor } from '../conversations/session-key';
import type { CommandSpec } from './catalog';
import { PrivateReply } from './private-reply';
import { helpText } from './catalog';
import { registeredCommands } from './help-commands';
import { notConnectedText } from './not-connected';

export { notConnectedText };

export interface RelayDeps {
  api: PluginAPI;
  connection: GatewayConnection;
  botUserId(): string;
  logError(message: string): void;
  /** How long the invoker waits before a "still working" notice. */
  answerTimeoutMs?: number;
  /** Commands registered besides the fixed ones (the gateway's skills), for /oc_help. */
  skillCommands?(): CommandSpec[];
}

const ANSWER_TIMEOUT_MS = 60_000;

export async function relayCommand(deps: RelayDeps, ctx: PluginContext, args: CommandArgs, spec: CommandSpec): Promise<void> {
  const { api, connection } = deps;
  const userId = args.UserId ?? '';
  const channelId = args.ChannelId ?? '';
  const argText = (args.Command ?? '').trim().split(/\s+/).slice(1).join(' ');
  const gatewayCommand = argText ? `${spec.gatewayCommand} ${argText}` : spec.gatewayCommand!;
  const reply = new PrivateReply(api, deps.botUserId(), userId, channelId, args.RootId,
    (err) => deps.logError(`could not show the private reply to /${spec.trigger}: ${err.message}`));

  const link = connection.current;
  if (!link || link.state.status !== 'connected') {
    await reply.show(notConnectedText(describeState(connection.state)));
    return;
  }
  let sessionKey: string;
  try {
    const channel = await api.getChannel(channelId);
    sessionKey = sessionKeyFor(connection.agentId, { channelId, channelType: channel.Type ?? 'O', userId, rootId: args.RootId });
  } catch (err) {
    await reply.show(`:x: OpenClaw could not run \`${gatewayCommand}\`: ${(err as Error).message}`);
    return;
  }
  await reply.show(`:hourglass_flowing_sand: Asking OpenClaw: \`${gatewayCommand}\``);
  // Same Mattermost request → same key → the gateway never runs a retried command twice.
  const idempotencyKey = deriveIdempotencyKey('mm-cmd', userId, channelId, args.TriggerId || ctx.RequestId || '', gatewayCommand);
  const present = (answer: string) => {
    const text = answer.trim() || `OpenClaw ran \`${gatewayCommand}\` (no output).`;
    // The gateway's help names its own /commands; ours are what work in Mattermost.
    return spec.trigger === 'oc_help' ? `${helpText([...registeredCommands, ...(deps.skillCommands?.() ?? [])])}\n\n#### OpenClaw says\n${text}` : text;
  };
  try {
    const answer = await link.runSlashCommand(sessionKey, gatewayCommand, idempotencyKey, { timeoutMs: deps.answerTimeoutMs ?? ANSWER_TIMEOUT_MS });
    await reply.show(present(answer));
  } catch (err) {
    const errorText = (e: unknown) => describeFailure(gatewayCommand, e, () => describeState(connection.state));
    await reply.show(errorText(err));
    if (err instanceof AnswerTimeoutError) {
      const late = (outcome: RunOutcome) => outcome.status === 'final' ? present(outcome.text)
        : outcome.status === 'aborted' ? abortedText(gatewayCommand) : errorText(new Error(outcome.message));
      err.pending.then((outcome) => reply.show(late(outcome)), (e: unknown) => reply.show(errorText(e))).catch(() => undefined);
    }
  }
}

function abortedText(command: string): string {
  return `:octagonal_sign: OpenClaw stopped \`${command}\` before it finished.`;
}

function describeFailure(command: string, err: unknown, linkState: () => string): string {
  if (err instanceof RunAbortedError) return abortedText(command);
  if (err instanceof GatewayLinkError && err.code === 'timeout') {
    return `:hourglass: OpenClaw has not answered \`${command}\` yet. The answer will appear here when it arrives.`;
  }
  if (err instanceof GatewayLinkError && (err.code === 'not-connected' || err.code === 'disconnected')) return notConnectedText(linkState());
  return `:x: OpenClaw could not run \`${command}\`: ${(err as Error).message ?? String(err)}`;
}
