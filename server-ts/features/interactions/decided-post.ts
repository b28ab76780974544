// Turns an interactive post into its decided state: the buttons go, the confirmation line
// is appended to the message (what mobile shows) and the decision is kept in a prop our
// webapp renders as its confirmation component.
import type { PluginAPI } from '../../mattermost/plugin';
import { lineOf, type Decision } from './decision-line';
import { attachmentsProp } from './signed-buttons';

/** Post prop read by webapp/src/interactions (`{ line, outcome, label, by?, at }`). */
export const DECISION_PROP = 'openclaw_decision';

/**
 * Our interactive posts (approvals, questions, pickers) are created with this type so our
 * webapp renders them (buttons, then the confirmation); clients without it show the message
 * as Markdown with the attachment buttons (mattermost-wave2 §1). Same name in webapp/src/interactions/post-type.ts.
 */
export const INTERACTIVE_POST_TYPE = 'custom_openclaw_choice';

export async function showDecided(api: Pick<PluginAPI, 'getPost' | 'updatePost'>, postId: string, text: string, decision: Decision): Promise<void> {
  const post = await api.getPost(postId);
  const line = lineOf(decision);
  await api.updatePost({
    ...post,
    Message: `${text}\n\n${line}`,
    // An empty list rather than no key: an update without the key would keep the old buttons.
    Props: {
      ...post.Props, attachments: attachmentsProp([]),
      [DECISION_PROP]: { line, outcome: decision.outcome, label: decision.label, ...(decision.by ? { by: decision.by } : {}), at: decision.atMs },
    },
  });
}
