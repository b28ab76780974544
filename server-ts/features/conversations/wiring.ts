// Puts conversations together for plugin.ts: the service on the real plugin API and the
// gateway connection, its hooks, its admin routes and the /oc_pairing dependencies.
import { randomUUID } from 'node:crypto';
import type { PluginAPI } from '../../mattermost/plugin';
import type { Hooks } from '../../mattermost/plugin';
import { isSystemAdmin } from '../admin/system-admin';
import type { PairingCommandDeps } from '../commands/pairing-command';
import type { GatewayConnection } from '../gateway-link/connection';
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { GatewayAgentPort } from './gateway-port';
import { approvedText } from './notices';
import type { PresenterFactory } from './reply-presenter';
import { Conversations } from './service';

export type ConversationHooks = Required<Pick<Hooks,
  'messageHasBeenPosted' | 'reactionHasBeenAdded' | 'reactionHasBeenRemoved' | 'userHasJoinedChannel' | 'userHasLeftChannel' | 'onPluginClusterEvent'>>;

export interface ConversationFeature {
  conversations: Conversations;
  hooks: ConversationHooks;
  /** After the bot exists: apply the settings, start timers and listeners. */
  activate(rawConfig: unknown): Promise<void>;
  configure(rawConfig: unknown): Promise<void>;
  deactivate(): Promise<void>;
  statsRoute: Route;
  statsResetRoute: Route;
  pairingDeps: PairingCommandDeps;
}

export function createConversationFeature(api: PluginAPI, connection: GatewayConnection, opts: {
  botUserId: () => string;
  botUsername: string;
  log: ServerLogger;
  /** How replies appear (streaming); default: one finished post. */
  presenter?: PresenterFactory;
}): ConversationFeature {
  const agent = new GatewayAgentPort(connection);
  const conversations = new Conversations({
    mm: api, agent, botUserId: opts.botUserId, botUsername: opts.botUsername, agentId: () => connection.agentId,
    nodeId: randomUUID(), presenter: opts.presenter, log: { debug: (m) => opts.log.debug(m), info: (m) => opts.log.info(m), error: (m) => opts.log.error(m) },
  });
  let started = false;
  const userRef = async (ref: string) => {
    const name = ref.replace(/^@/, '').toLowerCase();
    const byId = /^[a-z0-9]{26}$/.test(name) ? await api.getUser(name).catch(() => undefined) : undefined;
    const u = byId ?? await api.getUserByUsername(name).catch(() => undefined);
    return u?.Id ? { id: u.Id, username: u.Username ?? name } : undefined;
  };
  return {
    conversations,
    hooks: {
      messageHasBeenPosted: (_ctx, post) => conversations.onPost(post),
      reactionHasBeenAdded: (_ctx, reaction) => conversations.onReaction(reaction, true),
      reactionHasBeenRemoved: (_ctx, reaction) => conversations.onReaction(reaction, false),
      userHasJoinedChannel: (_ctx, member) => {
        conversations.onMembership(member.ChannelId ?? '', member.UserId ?? '', true);
        return Promise.resolve();
      },
      userHasLeftChannel: (_ctx, member) => {
        conversations.onMembership(member.ChannelId ?? '', member.UserId ?? '', false);
        return Promise.resolve();
      },
      onPluginClusterEvent: (_ctx, event) => {
        conversations.onClusterEvent(event.Id, event.Data);
        return Promise.resolve();
      },
    },
    async activate(rawConfig) {
      await conversations.configure(rawConfig);
      if (!started) conversations.start();
      started = true;
    },
    configure: (rawConfig) => conversations.configure(rawConfig),
    async deactivate() {
      agent.dispose();
      started = false;
      await conversations.stop();
    },
    statsRoute: (_ctx, _req, res) => res.json(200, conversations.stats.snapshot()),
    statsResetRoute: (_ctx, _req, res) => {
      conversations.stats.reset();
      res.json(200, { reset: true });
    },
    pairingDeps: {
      pairing: conversations.pairing,
      isSystemAdmin: (userId) => isSystemAdmin(api, userId),
      findUser: userRef,
      username: async (userId) => (await api.getUser(userId).catch(() => undefined))?.Username ?? userId,
      tellApproved: async (userId) => {
        const dm = await api.getDirectChannel(opts.botUserId(), userId);
        await api.createPost({ UserId: opts.botUserId(), ChannelId: dm.Id, Message: approvedText() });
      },
      changed: () => conversations.pairingChanged(),
    },
  };
}
