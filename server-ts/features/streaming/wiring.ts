// Puts streaming together for plugin.ts: the presenter conversations use for every reply
// (or the non-streaming one in mode `off`), the stream routes, the KV journal and the
// recovery of streams a stopped process left behind.
import { randomUUID } from 'node:crypto';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayLink } from '../../gateway';
import { isSystemAdmin } from '../admin/system-admin';
import { FinalReplyPresenter, type PresenterFactory } from '../conversations/reply-presenter';
import type { Router } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import type { AgentOutcome } from '../conversations/agent-port';
import type { PushNotification } from '../../mattermost/model/push';
import type { PushVerdict } from '../../mattermost/plugin/hooks';
import { PushHold } from './push-hold';
import { finishAdopted } from './adopt';
import { KvHeldPushes } from './held-pushes';
import { KvStreamJournal, type StreamRecord } from './journal';
import { LiveStreams } from './live-streams';
import { PLACEHOLDER, StreamingPresenter } from './presenter';
import { StreamRecovery } from './recovery';
import { DEFAULT_STREAMING, readStreamingSettings, type StreamingSettings } from './settings';
import { streamRoutes } from './stream-routes';

export interface StreamingFeature {
  presenter: PresenterFactory;
  live: LiveStreams;
  /** NotificationWillBePushed: a live reply's push waits for its final answer. */
  willBePushed(notification: PushNotification, userId: string): PushVerdict | undefined;
  configure(rawConfig: unknown): void;
  status(): Record<string, unknown>;
  /** After the bot exists: heartbeat and the sweep for streams of stopped processes. */
  activate(): void;
  deactivate(): void;
}

export function createStreamingFeature(api: PluginAPI, link: { readonly current: GatewayLink | undefined }, opts: {
  botUserId: () => string;
  log: ServerLogger;
  router: Router;
}): StreamingFeature {
  const live = new LiveStreams();
  const nodeId = randomUUID();
  const journal = new KvStreamJournal(api, nodeId);
  let settings: StreamingSettings = DEFAULT_STREAMING;
  let problems: string[] = [];
  const logError = (m: string) => opts.log.error(m);
  const pushes = new PushHold({
    live, botUserId: opts.botUserId, send: (pn, userId) => api.sendPushNotification(pn, userId), logWarn: (m) => opts.log.warn(m),
    store: new KvHeldPushes(api),
  });

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

  const answer = async (rec: StreamRecord): Promise<AgentOutcome | undefined> => {
    const gateway = link.current;
    if (gateway?.state.status !== 'connected') return undefined;
    const o = await gateway.runAnswer(rec.sessionKey, rec.runId);
    // A tool call is an assistant entry without text: the run is not over then.
    if (!o || (o.status === 'final' && !o.text.trim())) return undefined;
    return o.status === 'error' ? { status: 'error', kind: o.kind, message: o.message } : { status: o.status, text: o.text };
  };
  const showsReasoning = (sessionKey: string): Promise<boolean> => link.current?.showsReasoning(sessionKey) ?? Promise.resolve(false);
  const recovery = new StreamRecovery({
    kv: api, journal, nodeId, answer, log: logError,
    finish: async (rec, outcome) => {
      const { text } = await finishAdopted({ posts: api, botUserId: opts.botUserId() }, rec, outcome);
      await pushes.finishedElsewhere(rec.postId, rec.initial ?? PLACEHOLDER, text);
    },
  });

  return {
    live,
    willBePushed: (notification, userId) => pushes.willBePushed(notification, userId),
    activate: () => recovery.start(),
    deactivate: () => recovery.stop(),
    presenter: (ctx) => (settings.mode === 'off'
      ? new FinalReplyPresenter(api, opts.botUserId(), ctx)
      : new StreamingPresenter({ posts: api, botUserId: opts.botUserId(), settings, live, journal, logError, showsReasoning }, ctx)),
    configure(rawConfig) {
      ({ settings, problems } = readStreamingSettings(rawConfig));
      for (const p of problems) opts.log.error(`settings: ${p}`);
    },
    status: () => ({ settings, problems, live: live.size }),
  };
}
