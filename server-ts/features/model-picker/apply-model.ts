// Applies a chosen model the way `/oc_model <provider/id>` does: the gateway's own /model
// command in the conversation's session. Only values the gateway listed are sent, so a
// hostile submission cannot smuggle another command or argument through the picker.
import { AnswerTimeoutError, deriveIdempotencyKey, describeState } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayConnection } from '../gateway-link/connection';
import { sessionKeyFor } from '../conversations/session-key';
import { notConnectedText } from '../commands/not-connected';
import type { ModelOption } from './model-options';

export interface Conversation { userId: string; channelId: string; rootId: string }

export interface ApplyDeps {
  api: Pick<PluginAPI, 'getChannel'>;
  connection: Pick<GatewayConnection, 'current' | 'state' | 'agentId'>;
  /** Mattermost gives a dialog submission 30 s (OutgoingIntegrationRequestsTimeout); stay well inside. */
  timeoutMs?: number;
}

export class PickError extends Error {}

/** The option for `value`, or a PickError saying it is not one the gateway offers. */
export function chosenOption(options: readonly ModelOption[], value: unknown): ModelOption {
  const option = typeof value === 'string' ? options.find((o) => o.value === value) : undefined;
  if (!option) throw new PickError(`OpenClaw does not offer the model ${typeof value === 'string' ? `"${value.slice(0, 80)}"` : 'chosen'}.`);
  return option;
}

/** Resolves the gateway's answer to `/model <value>`; `requestKey` makes a retried request idempotent. */
export async function applyModel(deps: ApplyDeps, at: Conversation, option: ModelOption, requestKey: string): Promise<string> {
  const link = deps.connection.current;
  if (!link || link.state.status !== 'connected') throw new PickError(notConnectedText(describeState(deps.connection.state)));
  const channel = await deps.api.getChannel(at.channelId);
  const sessionKey = sessionKeyFor(deps.connection.agentId, {
    channelId: at.channelId, channelType: channel.Type ?? 'O', userId: at.userId, rootId: at.rootId || undefined,
  });
  const command = `/model ${option.value}`;
  const key = deriveIdempotencyKey('mm-model', at.userId, at.channelId, requestKey, command);
  try {
    return await link.runSlashCommand(sessionKey, command, key, { timeoutMs: deps.timeoutMs ?? 15_000 });
  } catch (err) {
    if (err instanceof AnswerTimeoutError) {
      err.pending.catch(() => undefined); // the late outcome has no one left to tell
      throw new PickError('OpenClaw has not confirmed the model change yet; check /oc_status in a moment.');
    }
    throw new PickError(`OpenClaw could not change the model: ${(err as Error).message}`);
  }
}

/** The confirmation the chooser sees. */
export function confirmation(option: ModelOption, answer: string): string {
  const said = answer.trim();
  return `:white_check_mark: This conversation now uses **${option.value}**${option.label ? ` (${option.label})` : ''}.${said ? `\n> ${said.split('\n').join('\n> ')}` : ''}`;
}
