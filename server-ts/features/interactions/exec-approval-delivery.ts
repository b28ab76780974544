// The gateway side of an exec approval click: `exec.approval.resolve` over the link, then the
// post shows the decision. While the gateway is away the post says the click is queued; if
// the gateway refuses it when it is back (resolved elsewhere, expired, unknown), the post says
// the click came too late and the click is dropped (never retried).
import { GatewayLinkError, isExecDecision, type ExecDecision } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ServerLogger } from '../logging/server-logger';
import type { ApprovalStore } from './approval-store';
import type { QueuedClick } from './click-queue';
import { decisionOf, type Decision } from './decision-line';
import { isLinkDown, type ClickDelivery } from './durable-clicks';
import { lateDecision, showQueued } from './queued-post';

export interface ExecApprovalDeliveryDeps {
  api: Pick<PluginAPI, 'getPost' | 'updatePost'>;
  store: Pick<ApprovalStore, 'get'>;
  resolve: (id: string, decision: ExecDecision) => Promise<void>;
  /** Edits the post once (the approvals' own guard against a second edit). */
  show: (id: string, decision: Decision) => Promise<void>;
  log: ServerLogger;
  now: () => number;
}

const labels: Record<ExecDecision, string> = { 'allow-once': 'Approve once', 'allow-always': 'Always', deny: 'Deny' };

function readClick(click: QueuedClick): { id: string; decision: ExecDecision } | undefined {
  const { ref, decision } = click.context;
  return typeof ref === 'string' && typeof decision === 'string' && isExecDecision(decision) ? { id: ref, decision } : undefined;
}

export function execApprovalDelivery(deps: ExecApprovalDeliveryDeps): ClickDelivery {
  return {
    async deliver(click) {
      const read = readClick(click);
      const rec = read && (await deps.store.get(read.id));
      if (!read || !rec || rec.shown) return 'dropped'; // unreadable, forgotten, or the post already shows an outcome
      try {
        await deps.resolve(read.id, read.decision);
      } catch (err) {
        if (isLinkDown(err)) return 'link-down';
        if (!(err instanceof GatewayLinkError) || err.code !== 'rejected') throw err;
        deps.log.info('interactions: the gateway refused a decision; it is not retried', { id: read.id, error: err.message });
        const expired = rec.expiresAtMs <= deps.now();
        await deps.show(read.id, expired ? decisionOf('expired', undefined, deps.now()) : lateDecision(labels[read.decision], `@${click.clicker.username}`, deps.now()));
        return 'dropped';
      }
      await deps.show(read.id, decisionOf(read.decision, `@${click.clicker.username}`, deps.now()));
      return 'delivered';
    },
    async showQueued(click) {
      const read = readClick(click);
      const rec = read && (await deps.store.get(read.id));
      if (!read || !rec?.postId || rec.shown) return;
      await showQueued(deps.api, rec.postId, rec.text, labels[read.decision], `@${click.clicker.username}`, deps.now());
    },
    async expire(click) {
      const read = readClick(click);
      if (read) await deps.show(read.id, decisionOf('expired', undefined, deps.now()));
    },
  };
}
