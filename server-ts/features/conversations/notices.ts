// The sentences people see when the agent does not take their message, and the queue notes.
import { PLUGIN_ID } from '../../manifest';
import type { ChannelVerdict, DmVerdict } from './access';

export const QUEUED_MARKER = 'hourglass_flowing_sand';

export function pairingText(code: string): string {
  return `Hi! OpenClaw does not know you yet. Your pairing code is **\`${code}\`**. ` +
    `Ask a Mattermost system admin to run \`/oc_pairing approve ${code}\`, then send your message again. The code is good for one hour.`;
}

export function dmRefusal(v: Exclude<DmVerdict, 'allow' | 'pair'>): string {
  return v === 'disabled'
    ? 'OpenClaw is not taking direct messages on this server (DM policy: disabled).'
    : 'OpenClaw only answers people on its DM allowlist. Ask a system admin to add you.';
}

export function channelRefusal(v: Exclude<ChannelVerdict, 'allow'>): string {
  return v === 'disabled'
    ? 'OpenClaw does not answer in channels on this server (channel policy: disabled).'
    : 'OpenClaw only answers allowlisted people and teams in channels. Ask a system admin to add you (System Console › Plugins › OpenClaw › Channel allowlist).';
}

export function notDeliveredText(minutes: number): string {
  return `:warning: OpenClaw was not reachable for more than ${minutes} minute${minutes === 1 ? '' : 's'}, so this message was not delivered. ` +
    `Please send it again. (A system admin can check \`/plugins/${PLUGIN_ID}/api/v1/status\`.)`;
}

export function approvedText(): string {
  return 'A system admin approved you: OpenClaw now answers your direct messages. Send your message again.';
}
