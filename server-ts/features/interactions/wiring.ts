// Puts interactions together for plugin.ts: the click route every button of ours points at,
// exec approvals fed by the link's session events, and the settings they read.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { resolveExecApproval, resolveQuestion } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayConnection } from '../gateway-link/connection';
import type { Route } from '../http/router';
import type { ServerLogger } from '../logging/server-logger';
import { ApprovalStore } from './approval-store';
import { KvLease } from '../conversations/kv-lock';
import { ClickQueue } from './click-queue';
import { clickRoute, type ClickHandler } from './click-route';
import { dialogRoute } from './dialog-route';
import { DurableClicks } from './durable-clicks';
import { ExecApprovals } from './exec-approvals';
import { NonceLedger } from './nonces';
import { QuestionStore } from './question-post';
import { AgentQuestions, type Answerers } from './questions';
import { SigningSecrets } from './signing-secrets';
import { scriptClicks } from './script-clicks';
import { CLICK_PATH } from './signed-buttons';

export interface InteractionsFeature {
  clickRoute: Route;
  /** Where our interactive dialogs submit (DIALOG_PATH). */
  dialogRoute: Route;
  /** System admins only: the secret external scripts sign their buttons with. */
  scriptSecretRoute: Route;
  configure(rawConfig: unknown): void;
  deactivate(): void;
  /** For the status route: the approvers setting as applied (empty: system admins). */
  status(): { approvers: string; questionAnswerers: Answerers };
}

const ApproversSetting = z.string().max(20_000).catch('');

function setting(raw: unknown, key: string): unknown {
  const entries = raw && typeof raw === 'object' ? Object.entries(raw) : [];
  return entries.find(([k]) => k.toLowerCase() === key)?.[1];
}

function readApprovers(raw: unknown): string {
  return ApproversSetting.parse(setting(raw, 'execapprovers') ?? '');
}

const AnswerersSetting = z.enum(['starter', 'channel']).catch('starter');

function readAnswerers(raw: unknown): Answerers {
  return AnswerersSetting.parse(setting(raw, 'questionanswerers'));
}

export function createInteractionsFeature(api: PluginAPI, connection: GatewayConnection, opts: {
  pluginId: string;
  botUserId: () => string;
  log: ServerLogger;
  /** Handlers of other features' buttons (e.g. the model picker). */
  clickHandlers?: ClickHandler[];
  /** Whose post started a run (conversations), for the question answerers setting. */
  runStarter?: (runId: string) => Promise<string | undefined>;
}): InteractionsFeature {
  let approvers = '';
  let answerers: Answerers = 'starter';
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
  const questions = new AgentQuestions({
    api, store: new QuestionStore(api), secrets, nonces, pluginId: opts.pluginId, botUserId: opts.botUserId,
    answerers: () => answerers, runStarter: opts.runStarter ?? (() => Promise.resolve(undefined)), log: opts.log,
    resolve: (id, answers) => {
      const link = connection.current;
      if (!link) return Promise.reject(new Error('the OpenClaw gateway is not configured'));
      return resolveQuestion((m, p) => link.request(m, p), id, answers);
    },
  });
  connection.onSessionEvent((evt) => {
    void approvals.onEvent(evt.event, evt.payload);
    void questions.onEvent(evt.event, evt.payload);
  });
  const handlers = [approvals.clickHandler, questions.clickHandler, ...(opts.clickHandlers ?? [])];
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
    dialogRoute: dialogRoute({ api, secrets, handlers: [questions.dialogHandler], log: opts.log }),
    scriptSecretRoute: async (_ctx, _req, res) => res.json(200, {
      secret: await secrets.get('scripts'),
      clickUrl: `/plugins/${opts.pluginId}${CLICK_PATH}`,
    }),
    configure: (raw) => {
      approvers = readApprovers(raw);
      answerers = readAnswerers(raw);
      drainTimer ??= setInterval(() => void durable.drain(), 15_000);
      drainTimer.unref();
    },
    status: () => ({ approvers, questionAnswerers: answerers }),
    deactivate: () => {
      approvals.stop();
      questions.stop();
      clearInterval(drainTimer);
      drainTimer = undefined;
      void durable.stop();
    },
  };
}
