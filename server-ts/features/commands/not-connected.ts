// What a command answers while the gateway link is down: the state in words and where to look.
import { PLUGIN_ID } from '../../manifest';

export function notConnectedText(state: string): string {
  return `:warning: OpenClaw is not reachable right now: ${state}.\n` +
    'Check System Console › Plugins › OpenClaw (gateway URL and token) and that the gateway is running; ' +
    `a system admin can see details at \`/plugins/${PLUGIN_ID}/api/v1/status\`.`;
}
