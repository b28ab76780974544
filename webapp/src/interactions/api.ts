// A button press, sent the way Mattermost's web client sends it (POST /api/v4/posts/{id}/actions/{action}):
// Mattermost then calls our plugin's action route with the stored context, and our answer comes
// back as a private post (a refusal), a post edit (the decision) or a dialog.
import { apiUrl, requestOptions } from '../http/plugin-request';

export async function pressButton(postId: string, actionId: string): Promise<void> {
  const url = apiUrl(`/posts/${encodeURIComponent(postId)}/actions/${encodeURIComponent(actionId)}`);
  const response = await fetch(url, requestOptions('POST', '{}'));
  if (response.ok) return;
  const body: unknown = await response.json().catch(() => ({}));
  const said = body && typeof body === 'object' && 'message' in body && typeof body.message === 'string' ? body.message : '';
  throw new Error(said || `HTTP ${response.status}`);
}
