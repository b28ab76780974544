// Puts streaming together for plugin.ts: the presenter conversations use for every reply
// (or the non-streaming one in mode `off`), the stream routes, the KV journal.
import { randomUUID } from 'node:crypto';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayLink } from '../../gateway';
import { isSystemAdmin } from '../admin/system-admin';
import { FinalReplyPresenter, type PresenterFactory } from '../conversations/reply-presenter';
import type { Router } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { KvStreamJournal } from './journal';
import { LiveStreams } from './live-streams';
import { StreamingPresenter } from './presenter';
import { DEFAULT_STREAMING, readStreamingSettings, type StreamingSettings } from './settings';
import { streamRoutes } from './stream-routes';

export interface StreamingFeature {
  presenter: PresenterFactory;
  live: LiveStreams;
  configure(rawConfig: unknown): void;
  status(): Record<string, unknown>;
}

export function createStreamingFeature(api: PluginAPI, link: { readonly current: GatewayLink | undefined }, opts: {
  botUserId: () => string;
  log: ServerLogger;
  router: Router;
}): StreamingFeature {
  const live = new LiveStreams();
  const journal = new KvStreamJournal(api, randomUUID());
  let settings: StreamingSettings = DEFAULT_STREAMING;
  let problems: string[] = [];
  const logError = (m: string) => opts.log.error(m);

  streamRoutes(opts.router, live, {
    getPost: (id) => api.getPost(id),
    hasPermissionToChannel: (u, c, p) => api.hasPermissionToChannel(u, c, p),
    isAdminOf: async (userId, channelId) => {
      const member = await api.getChannelMember(channelId, userId).catch(() => undefined);
      if (member?.SchemeAdmin || (member?.Roles ?? '').split(/\s+/).includes('channel_admin')) return true;
      return isSystemAdmin(api, userId).catch(() => false);
    },
    stopElsewhere: async (postId) => {
      const rec = await journal.read(postId);
      const gateway = link.current;
      if (!rec || !gateway) return false;
      // Any operator connection may stop any run (gateway-probe-2 §Q7): no need to find the node that shows it.
      return (await gateway.abortRun(rec.sessionKey, rec.runId)).aborted;
    },
  });

  return {
    live,
    presenter: (ctx) => (settings.mode === 'off'
      ? new FinalReplyPresenter(api, opts.botUserId(), ctx)
      : new StreamingPresenter({ posts: api, botUserId: opts.botUserId(), settings, live, journal, logError }, ctx)),
    configure(rawConfig) {
      ({ settings, problems } = readStreamingSettings(rawConfig));
      for (const p of problems) opts.log.error(`settings: ${p}`);
    },
    status: () => ({ settings, problems, live: live.size }),
  };
}
