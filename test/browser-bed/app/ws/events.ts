// What the bed does with each WebSocket event before plugin handlers see it, the part of
// Mattermost's actions/websocket_actions.ts handleEvent a channel view needs: posts created,
// edited, deleted or shown only to us; channels added; plugins enabled or disabled.
import type { Post } from '@mattermost/types/posts';
import { loadTeamsAndChannels, receivePost } from '../data';
import { syncPlugins } from '../plugins/load';
import { record, recordError } from '../record';
import { deliverToPlugins, type WsMessage } from '../registry/handlers';
import { store } from '../store/store';
import { notifyDesktop } from './desktop-notifications';

/** The post in posted / post_edited / post_deleted / ephemeral_message: a JSON string. */
function postIn(msg: WsMessage): Post | undefined {
  const raw = msg.data.post;
  return typeof raw === 'string' ? (JSON.parse(raw) as Post) : undefined;
}

async function handleCore(msg: WsMessage): Promise<void> {
  const post = postIn(msg);
  switch (msg.event) {
    case 'posted':
      if (post) {
        await receivePost(post);
        await notifyDesktop(post, msg.data);
      }
      break;
    case 'post_edited':
    case 'ephemeral_message':
      if (post) await receivePost(post);
      break;
    case 'post_deleted':
      if (post) store.dispatch({ type: 'POST_DELETED', data: post });
      break;
    case 'direct_added':
    case 'group_added':
    case 'channel_created':
    case 'user_added':
      await loadTeamsAndChannels();
      break;
    case 'plugin_enabled':
    case 'plugin_disabled':
      await syncPlugins();
      break;
  }
}

export function handleEvent(msg: WsMessage): void {
  record.wsEvents.push(msg.event);
  handleCore(msg)
    .catch((err: unknown) => recordError(`handling WebSocket event ${msg.event}: ${String(err)}`))
    .finally(() => deliverToPlugins(msg));
}
