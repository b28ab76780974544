// What a user does in the UI, done over the REST API: slash commands, reading
// posts, clicking post buttons, submitting interactive dialogs.
import type { Client4 } from '@mattermost/client';
import type { Channel } from '@mattermost/types/channels';
import type { CommandResponse } from '@mattermost/types/integrations';
import type { Post } from '@mattermost/types/posts';

/** Runs `/command args` as the client's user in a channel (POST /api/v4/commands/execute). */
export function executeCommand(user: Client4, channel: Pick<Channel, 'id' | 'team_id'>, command: string, teamId?: string): Promise<CommandResponse> {
  return user.executeCommand(command, { channel_id: channel.id, team_id: teamId ?? channel.team_id });
}

/** Autocomplete suggestions as the webapp would request them while typing. */
export function autocomplete(user: Client4, teamId: string, channelId: string, userInput: string) {
  return user.getCommandAutocompleteSuggestionsList(userInput, teamId, { channel_id: channelId, team_id: teamId });
}

/** Posts of a channel, newest first. */
export async function channelPosts(user: Client4, channelId: string, perPage = 60): Promise<Post[]> {
  const list = await user.getPosts(channelId, 0, perPage);
  return list.order.map((id) => list.posts[id]).filter((p): p is Post => p !== undefined);
}

export function createPost(user: Client4, channelId: string, message: string, rootId = ''): Promise<Post> {
  return user.createPost({ channel_id: channelId, message, root_id: rootId });
}

/** Clicks a button (or picks a menu option) of an interactive post. */
export function clickPostAction(user: Client4, postId: string, actionId: string, selectedOption?: string) {
  return user.doPostAction(postId, actionId, selectedOption);
}

export interface DialogSubmit {
  url: string;
  callback_id?: string;
  state?: string;
  channel_id: string;
  team_id: string;
  submission: Record<string, unknown>;
  cancelled?: boolean;
}

/** Submits an interactive dialog (POST /api/v4/actions/dialogs/submit); returns its JSON response. */
export async function submitDialog(user: Client4, dialog: DialogSubmit): Promise<unknown> {
  return user.submitInteractiveDialog({ callback_id: '', state: '', cancelled: false, user_id: '', ...dialog } as never);
}

/** Raw request with a user's token (or none) against the server, e.g. a plugin's HTTP route. */
export async function rawRequest(baseUrl: string, path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  headers.set('X-Requested-With', 'XMLHttpRequest');
  return fetch(`${baseUrl}${path}`, { ...init, headers });
}
