// Our server's streaming routes, answers checked against their schemas.
import * as z from 'zod/mini';
import { apiUrl, pluginUrl, requestOptions } from '../http/plugin-request';
import { snapshot, type Snapshot } from './wire';

async function readJson(response: Response): Promise<unknown> {
  return response.json().catch(() => ({}));
}

function failure(what: string, response: Response, body: unknown): Error {
  const said = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : '';
  return new Error(said || `${what} failed with HTTP ${response.status}`);
}

/** The reply's live state; undefined when the server does not know the post (404). */
export async function fetchSnapshot(postId: string): Promise<Snapshot | undefined> {
  const response = await fetch(pluginUrl(`/streams/${encodeURIComponent(postId)}`), requestOptions('GET'));
  if (response.status === 404) return undefined;
  const body = await readJson(response);
  if (!response.ok) throw failure('Loading the reply', response, body);
  const parsed = snapshot.safeParse(body);
  if (!parsed.success || parsed.data.post_id !== postId) throw new Error('the server sent a malformed reply snapshot');
  return parsed.data;
}

export async function stopStream(postId: string): Promise<void> {
  const response = await fetch(pluginUrl(`/streams/${encodeURIComponent(postId)}/stop`), requestOptions('POST'));
  if (!response.ok) throw failure('Stop', response, await readJson(response));
}

const storedPost = z.object({ message: z.string() });

/** The post's message as Mattermost stores it now (GET /api/v4/posts/{id}). */
export async function fetchMessage(postId: string): Promise<string> {
  const response = await fetch(apiUrl(`/posts/${encodeURIComponent(postId)}`), requestOptions('GET'));
  const body = await readJson(response);
  if (!response.ok) throw failure('Loading the reply', response, body);
  const parsed = storedPost.safeParse(body);
  if (!parsed.success) throw new Error('the server sent a malformed post');
  return parsed.data.message;
}
