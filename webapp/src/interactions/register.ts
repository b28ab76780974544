// Wires interactive posts into the host: one post type component for approvals, questions and
// pickers, pressing buttons through Mattermost's own action endpoint.
import type { BotIdentity } from '../bot/bot-identity';
import type { PostTypeRegistry } from '../host/post-type-registry';
import { pressButton } from './api';
import { makeInteractivePost } from './interactive-post';
import { INTERACTIVE_POST_TYPE } from './post-type';
import { addStyles } from './styles';

export type InteractionsRegistry = PostTypeRegistry;

export function registerInteractions(registry: InteractionsRegistry, bot: BotIdentity): void {
  addStyles();
  registry.registerPostTypeComponent(INTERACTIVE_POST_TYPE, makeInteractivePost({ bot, press: pressButton }));
}
