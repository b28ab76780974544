// Delivers one post to the agent and shows the result: the same path for a live post and
// for one coming out of the queue. The idempotency key is derived from the post id, so
// delivering the same post again (a retry, a restart, a second node) never starts a
// second run: the gateway answers with the run it already has.
import { deriveIdempotencyKey, GatewayLinkError } from '../../gateway';
import type { Post } from '../../mattermost/model';
import { NO_MEDIA, type AgentOutcome, type AgentPort } from './agent-port';
import { collectAttachments, type FileSource } from './attachments';
import type { DeliveryResult } from './queue-drainer';
import type { QueuedPost } from './relay-queue';
import type { PresenterFactory } from './reply-presenter';
import { startTyping } from './typing';

export interface DeliveryDeps {
  agent: AgentPort;
  files: FileSource;
  publishTyping: (channelId: string, parentId: string) => Promise<void>;
  /** A private note to the sender (files left out). */
  notifySender(userId: string, post: Post): Promise<unknown>;
  presenter: PresenterFactory;
  /** Remembers which session these posts belong to (reactions on them are forwarded). */
  remember(postIds: string[], sessionKey: string): void;
  /** Records whose post started the run (before its events, e.g. a question, can arrive). */
  rememberStarter?(runId: string, userId: string): Promise<void>;
  botUserId: () => string;
  logError: (message: string) => void;
  /** Timings of an answered post (ms after the post was written), for the debug log. */
  logTimings?: (message: string) => void;
  runDeadlineMs?: number;
}

export function idempotencyKeyFor(postId: string): string {
  return deriveIdempotencyKey('mm-post', postId);
}

const LINK_DOWN = new Set(['not-connected', 'disconnected']);

/**
 * How long a reply may take before the person is told it timed out. The gateway link settles
 * a run whose end it never hears (e.g. the gateway restarted mid-run) only after 30 minutes;
 * nobody should watch "typing…" that long.
 */
export const RUN_DEADLINE_MS = 15 * 60_000;

function withDeadline(done: Promise<AgentOutcome>, ms: number): Promise<AgentOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<AgentOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'error', kind: 'timeout', message: `no answer within ${Math.round(ms / 60_000)} minutes` }), ms);
    timer.unref?.();
  });
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

export async function deliverPost(deps: DeliveryDeps, item: QueuedPost): Promise<DeliveryResult> {
  if (!deps.agent.isConnected()) return 'link-down';
  const since = () => Date.now() - item.postCreateAt;
  const t = { start: since(), accepted: 0, final: 0 };
  const presenter = deps.presenter({
    channelId: item.channelId, rootFor: (i) => (i === 0 ? item.rootFirst : item.rootRest),
    requesterId: item.userId, sessionKey: item.sessionKey, runKey: idempotencyKeyFor(item.postId),
  });
  const stopTyping = startTyping(deps.publishTyping, item.channelId, item.rootFirst);
  try {
    const { attachments, skipped } = await collectAttachments(deps.files, item.fileIds, deps.agent.attachmentLimits());
    let run;
    try {
      run = await deps.agent.sendChat({
        sessionKey: item.sessionKey, message: item.message, idempotencyKey: idempotencyKeyFor(item.postId),
        ...(attachments.length ? { attachments } : {}),
      });
    } catch (err) {
      if (err instanceof GatewayLinkError && LINK_DOWN.has(err.code)) return 'link-down';
      deps.remember(await presenter.failed((err as Error).message ?? String(err)), item.sessionKey);
      return 'done';
    }
    t.accepted = since();
    await deps.rememberStarter?.(run.runId, item.userId).catch((e: Error) => deps.logError(`could not record who started run ${run.runId}: ${e.message}`));
    deps.remember([item.postId], item.sessionKey);
    presenter.started(run);
    if (skipped.length) {
      const message = `Not sent to OpenClaw with your message:\n${skipped.map((s) => `- ${s}`).join('\n')}`;
      deps.notifySender(item.userId, { UserId: deps.botUserId(), ChannelId: item.channelId, RootId: item.rootFirst, Message: message })
        .catch((e: Error) => deps.logError(`could not tell the sender about skipped files: ${e.message}`));
    }
    const outcome = await withDeadline(run.done, deps.runDeadlineMs ?? RUN_DEADLINE_MS);
    t.final = since();
    const media = outcome.status === 'final'
      ? await run.media().catch((e: Error) => {
        deps.logError(`could not fetch the media of run ${run.runId}: ${e.message}`);
        return NO_MEDIA;
      })
      : NO_MEDIA;
    deps.remember(await presenter.finish(outcome, media), item.sessionKey);
    deps.logTimings?.(`post ${item.postId} answered (${outcome.status}): relay started +${t.start} ms, gateway accepted +${t.accepted} ms, ` +
      `run ended +${t.final} ms, reply posted +${since()} ms after the post`);
    return 'done';
  } finally {
    stopTyping();
  }
}
