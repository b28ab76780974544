// A click waiting for the gateway, and one that came too late. Waiting is not a decision:
// the buttons go (the click was taken) and post.message says it is queued, but no decision
// prop is written, so our webapp shows the message until the real decision replaces it.
import type { PluginAPI } from '../../mattermost/plugin';
import { DECISION_PROP } from './decided-post';
import type { Decision } from './decision-line';
import { attachmentsProp } from './signed-buttons';

const time = (atMs: number) => `${new Date(atMs).toISOString().slice(11, 16)} UTC`;

/** e.g. "⏳ **Queued**: Approve once by @alice, waiting for the OpenClaw gateway · 14:03 UTC". */
export function queuedLine(choice: string, by: string, atMs: number): string {
  return `⏳ **Queued**: ${choice} by ${by}, waiting for the OpenClaw gateway · ${time(atMs)}`;
}

export async function showQueued(api: Pick<PluginAPI, 'getPost' | 'updatePost'>, postId: string, text: string, choice: string, by: string, atMs: number): Promise<void> {
  const post = await api.getPost(postId);
  const kept = Object.entries(post.Props ?? {}).filter(([key]) => key !== DECISION_PROP);
  await api.updatePost({ ...post, Message: `${text}\n\n${queuedLine(choice, by, atMs)}`, Props: { ...Object.fromEntries(kept), attachments: attachmentsProp([]) } });
}

/** The click reached the gateway after the approval was closed elsewhere: shown as a cancelled choice. */
export function lateDecision(choice: string, by: string, atMs: number): Decision {
  return { outcome: 'cancelled', label: `Not delivered (${choice}), decided elsewhere first`, by, atMs };
}
