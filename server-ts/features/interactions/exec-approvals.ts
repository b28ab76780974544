// Exec approvals of runs this plugin started: the gateway's request becomes a bot post with
// signed buttons in the run's conversation; an approver's click resolves it over the link;
// the gateway's `resolved` event (our click, the CLI or another client) shows the decision.
import {
  ExecApprovalRequestSchema, ExecApprovalResolvedSchema, isExecDecision, offeredDecisions, type ExecDecision,
} from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ServerLogger } from '../logging/server-logger';
import { approvalButtons, approvalText } from './approval-post';
import type { ApprovalStore } from './approval-store';
import { isApprover, NOT_APPROVER, type ApproverApi } from './approvers';
import type { ClickHandler } from './click-route';
import { targetOf } from './conversation-target';
import { INTERACTIVE_POST_TYPE, showDecided } from './decided-post';
import { decisionOf, resolverName, type Decision } from './decision-line';
import { execApprovalDelivery } from './exec-approval-delivery';
import { ExpiryTimers } from './expiry-timers';
import { attachmentsProp, signedAttachment } from './signed-buttons';
import type { SigningSecrets } from './signing-secrets';

export const EXEC_APPROVAL_KIND = 'exec-approval';
const DEFAULT_LIFETIME_MS = 30 * 60_000;

export interface ExecApprovalDeps {
  api: Pick<PluginAPI, 'createPost' | 'updatePost' | 'getPost' | 'getDirectChannel'> & ApproverApi;
  store: ApprovalStore;
  secrets: Pick<SigningSecrets, 'get'>;
  pluginId: string;
  botUserId: () => string;
  approvers: () => string;
  resolve: (id: string, decision: ExecDecision) => Promise<void>;
  log: ServerLogger;
  now?: () => number;
}

export class ExecApprovals {
  private readonly now: () => number;
  private readonly expiries: ExpiryTimers;

  constructor(private readonly deps: ExecApprovalDeps) {
    this.now = deps.now ?? Date.now;
    this.expiries = new ExpiryTimers(this.now);
    this.clickHandler.delivery = execApprovalDelivery({ ...deps, now: this.now, show: (id, decision) => this.show(id, decision) });
  }

  /** Session events of the link; hostile or unknown payloads are logged and dropped. */
  onEvent(event: string, payload: unknown): Promise<void> {
    const work = event === 'exec.approval.requested' ? this.onRequested(payload)
      : event === 'exec.approval.resolved' ? this.onResolved(payload) : Promise.resolve();
    return work.catch((err: Error) => this.deps.log.error(`interactions: ${event} failed: ${err.message}`));
  }

  async onRequested(payload: unknown): Promise<void> {
    const parsed = ExecApprovalRequestSchema.safeParse(payload);
    if (!parsed.success) return this.deps.log.warn('interactions: unreadable exec.approval.requested dropped');
    const req = parsed.data;
    const target = await targetOf(this.deps.api, this.deps.botUserId(), req.request.sessionKey);
    if (!target) return;
    const expiresAtMs = req.expiresAtMs ?? this.now() + DEFAULT_LIFETIME_MS;
    const text = approvalText(req);
    const ttl = Math.ceil((expiresAtMs - this.now()) / 1000) + 86_400;
    // Every node with a link may hear the request: the first to claim it posts it.
    if (!(await this.deps.store.create({ id: req.id, postId: '', channelId: target.channelId, text, expiresAtMs }, ttl))) return;
    const attachment = signedAttachment({
      pluginId: this.deps.pluginId, secret: await this.deps.secrets.get('buttons'), kind: EXEC_APPROVAL_KIND,
      channelId: target.channelId, expiresAtMs, text: `Approvers decide; expires ${new Date(expiresAtMs).toISOString().slice(11, 16)} UTC.`,
      buttons: approvalButtons(req.id, offeredDecisions(req)),
    });
    const post = await this.deps.api.createPost({
      UserId: this.deps.botUserId(), ChannelId: target.channelId, RootId: target.rootId, Message: text, Type: INTERACTIVE_POST_TYPE,
      Props: { attachments: attachmentsProp([attachment]), openclaw_approval_id: req.id },
    });
    await this.deps.store.update(req.id, (rec) => ({ ...rec, postId: post.Id ?? '' }));
    this.expireAt(req.id, expiresAtMs);
  }

  /** Undecided at its expiry, the post says so (the gateway gives up on it then; a click would be refused anyway). */
  private expireAt(id: string, atMs: number): void {
    this.expiries.at(id, atMs, () => this.show(id, decisionOf('expired', undefined, this.now())),
      (err) => this.deps.log.warn('interactions: marking an approval expired failed', { error: err.message }));
  }

  /** Drops pending expiry timers (plugin deactivation). */
  stop(): void {
    this.expiries.stop();
  }

  async onResolved(payload: unknown): Promise<void> {
    const parsed = ExecApprovalResolvedSchema.safeParse(payload);
    if (!parsed.success) return;
    const { id, decision, resolvedBy } = parsed.data;
    const rec = await this.deps.store.get(id);
    if (!rec || !isExecDecision(decision)) return;
    const by = rec.clicker?.decision === decision ? `@${rec.clicker.username}` : resolverName(resolvedBy);
    await this.show(id, decisionOf(decision, by, this.now()));
  }

  readonly clickHandler: ClickHandler = {
    kind: EXEC_APPROVAL_KIND,
    authorize: async (userId) => ((await isApprover(this.deps.api, this.deps.approvers(), userId)) ? undefined : NOT_APPROVER),
    // The Mattermost part; the decision goes to the gateway through `delivery` (queued while it is away).
    handle: async (click) => {
      const id = typeof click.context.ref === 'string' ? click.context.ref : '';
      const decision = typeof click.context.decision === 'string' ? click.context.decision : '';
      if (!isExecDecision(decision)) throw new Error('this button names no decision');
      const rec = await this.deps.store.get(id);
      if (!rec) throw new Error('this approval is no longer known to the plugin');
      if (rec.shown) return 'This approval was already decided.';
      const user = await this.deps.api.getUser(click.userId);
      const username = user.Username ?? click.userId;
      await this.deps.store.update(id, (r) => ({ ...r, clicker: { userId: click.userId, username, decision } }));
      return undefined;
    },
  };

  /** Edits the post once, whichever of the click and the resolved event comes first. */
  private async show(id: string, decision: Decision): Promise<void> {
    const rec = await this.deps.store.claimShown(id, decision.outcome);
    if (!rec) return;
    this.expiries.clear(id);
    await showDecided(this.deps.api, rec.postId, rec.text, decision);
  }
}
