// Wires the reply post renderer into the host.
import type { PluginRegistry } from '../plugin';
import { REPLY_POST_TYPE } from './post-type';
import { ReplyPost } from './reply-post';

export function registerStreaming(registry: PluginRegistry): void {
  registry.registerPostTypeComponent(REPLY_POST_TYPE, ReplyPost);
}
