// /oc_stop: stops whatever the agent is running in this conversation's session (chat.abort),
// the Mattermost twin of OpenClaw's own stop. Answered at once, privately: an abort is one
// short request, so the invoker waits for the real outcome instead of an acknowledgement.
import { describeState } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { CommandArgs, CommandResponse } from '../../mattermost/model/command';
import type { GatewayConnection } from '../gateway-link/connection';
import { sessionKeyFor } from '../conversations/session-key';
import type { CommandSpec } from './catalog';
import { notConnectedText } from './not-connected';

export const stopCommandSpec: CommandSpec = {
  trigger: 'oc_stop', hint: '', description: 'Stop the agent\'s current run in this conversation',
};

export interface StopDeps {
  api: PluginAPI;
  connection: GatewayConnection;
  logError(message: string): void;
}

export async function stopCommand(deps: StopDeps, args: CommandArgs): Promise<CommandResponse> {
  const answer = (Text: string): CommandResponse => ({ ResponseType: 'ephemeral', Text });
  const link = deps.connection.current;
  if (!link || link.state.status !== 'connected') return answer(notConnectedText(describeState(deps.connection.state)));
  const channelId = args.ChannelId ?? '';
  try {
    const channel = await deps.api.getChannel(channelId);
    const sessionKey = sessionKeyFor(deps.connection.agentId, { channelId, channelType: channel.Type ?? 'O', userId: args.UserId ?? '', rootId: args.RootId });
    const result = await link.abortRun(sessionKey);
    return answer(result.aborted ? ':octagonal_sign: Stopped the agent\'s run in this conversation.' : 'Nothing is running in this conversation.');
  } catch (err) {
    deps.logError(`/oc_stop failed: ${(err as Error).message}`);
    return answer(`:x: OpenClaw could not stop the run: ${(err as Error).message}`);
  }
}
