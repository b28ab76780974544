// Puts interactions together for plugin.ts: the click route every button of ours points at,
// exec approvals fed by the link's session events, and the settings they read.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { resolveExecApproval } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayConnection } from '../gateway-link/connection';
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { ApprovalStore } from './approval-store';
import { KvLease } from '../conversations/kv-lock';
import { ClickQueue } from './click-queue';
import { clickRoute, type ClickHandler } from './click-route';
import { DurableClicks } from './durable-clicks';
import { ExecApprovals } from './exec-approvals';
import { NonceLedger } from './nonces';
import { SigningSecrets } from './signing-secrets';
import { scriptClicks } from './script-clicks';
import { CLICK_PATH } from './signed-buttons';

export interface InteractionsFeature {
  clickRoute: Route;
  /** System admins only: the secret external scripts sign their buttons with. */
  scriptSecretRoute: Route;
  configure(rawConfig: unknown): void;
  deactivate(): void;
  /** For the status route: the approvers setting as applied (empty: system admins). */
  status(): { approvers: string };
}

const ApproversSetting = z.string().max(20_000).catch('');

function readApprovers(raw: unknown): string {
  const entries = raw && typeof raw === 'object' ? Object.entries(raw) : [];
  return ApproversSetting.parse(entries.find(([k]) => k.toLowerCase() === 'execapprovers')?.[1] ?? '');
}

export function createInteractionsFeature(api: PluginAPI, connection: GatewayConnection, opts: {
  pluginId: string;
  botUserId: () => string;
  log: ServerLogger;
  /** Handlers of other features' buttons (e.g. the model picker). */
  clickHandlers?: ClickHandler[];
}): InteractionsFeature {
  let approvers = '';
  const secrets = new SigningSecrets(api);
  const nonces = new NonceLedger(api);
  const approvals = new ExecApprovals({
    api, store: new ApprovalStore(api), secrets, pluginId: opts.pluginId, botUserId: opts.botUserId,
    approvers: () => approvers, log: opts.log,
    resolve: (id, decision) => {
      const link = connection.current;
      if (!link) return Promise.reject(new Error('the OpenClaw gateway is not configured'));
      return resolveExecApproval((m, p) => link.request(m, p), id, decision);
    },
  });
  connection.onSessionEvent((evt) => void approvals.onEvent(evt.event, evt.payload));
  const handlers = [approvals.clickHandler, ...(opts.clickHandlers ?? [])];
  const nodeId = randomUUID();
  const durable = new DurableClicks({
    queue: new ClickQueue(api), lease: new KvLease(api, 'interactions:click-queue-lease', nodeId, 30), nodeId, log: opts.log,
    deliveries: new Map(handlers.flatMap((h) => (h.delivery ? [[h.kind, h.delivery] as const] : []))),
    isConnected: () => connection.state.status === 'connected',
  });
  connection.onStateChange((state) => { if (state.status === 'connected') void durable.drain(); });
  // Also on a timer: another node may have queued a click while this one holds the link.
  let drainTimer: NodeJS.Timeout | undefined;
  return {
    clickRoute: clickRoute({
      api, secrets, nonces, botUserId: opts.botUserId, handlers, durable, log: opts.log,
      scripts: scriptClicks({
        api, agentId: () => connection.agentId, botUserId: opts.botUserId, log: opts.log,
        sendChat: (req) => {
          const link = connection.current;
          if (!link) return Promise.reject(new Error('the OpenClaw gateway is not configured'));
          return link.sendChat(req);
        },
      }),
    }),
    scriptSecretRoute: async (_ctx, _req, res) => res.json(200, {
      secret: await secrets.get('scripts'),
      clickUrl: `/plugins/${opts.pluginId}${CLICK_PATH}`,
    }),
    configure: (raw) => {
      approvers = readApprovers(raw);
      drainTimer ??= setInterval(() => void durable.drain(), 15_000);
      drainTimer.unref();
    },
    status: () => ({ approvers }),
    deactivate: () => {
      approvals.stop();
      clearInterval(drainTimer);
      drainTimer = undefined;
      void durable.stop();
    },
  };
}
