// Turns an interactive post into its decided state: the buttons go, the confirmation line
// is appended to the message (what mobile shows) and kept in a prop our webapp renders.
import type { PluginAPI } from '../../mattermost/plugin';
import { attachmentsProp } from './signed-buttons';

/** Post prop read by webapp/src/interactions (`{ line, outcome }`). */
export const DECISION_PROP = 'openclaw_decision';

export async function showDecided(api: Pick<PluginAPI, 'getPost' | 'updatePost'>, postId: string, text: string, line: string, outcome: string): Promise<void> {
  const post = await api.getPost(postId);
  await api.updatePost({
    ...post,
    Message: `${text}\n\n${line}`,
    // An empty list rather than no key: an update without the key would keep the old buttons.
    Props: { ...post.Props, attachments: attachmentsProp([]), [DECISION_PROP]: { line, outcome } },
  });
}
