// Agent questions (`ask_user`) of runs this plugin started: the gateway's request becomes a
// bot post in the run's conversation with signed buttons (or a dialog for free text and for
// several questions); the answer goes back over the link; the gateway's `resolved` event
// (our answer, another client's, a cancel or the expiry) edits the post into its final state.
import { QuestionRequestSchema, QuestionResolvedSchema, type QuestionAnswers } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ServerLogger } from '../logging/server-logger';
import type { ClickHandler } from './click-route';
import { targetOf } from './conversation-target';
import { INTERACTIVE_POST_TYPE, showDecided } from './decided-post';
import { decisionOf, type Outcome } from './decision-line';
import { openSignedDialog, type DialogHandler } from './dialog-route';
import { ExpiryTimers } from './expiry-timers';
import type { NonceLedger } from './nonces';
import { parseSubmission, questionElements, type DialogMode } from './question-dialog';
import { answerLines, askedOf, DIALOG, OTHER, questionButtons, questionText, type QuestionRecord, type QuestionStore } from './question-post';
import { attachmentsProp, signedAttachment } from './signed-buttons';
import type { SigningSecrets } from './signing-secrets';
import type { VerifiedClick } from './verify-click';

export const QUESTION_KIND = 'question';

/** Who may answer: the person whose post started the run, or anyone who can read the channel. */
export type Answerers = 'starter' | 'channel';

export interface AgentQuestionDeps {
  api: Pick<PluginAPI, 'createPost' | 'updatePost' | 'getPost' | 'getDirectChannel' | 'getUser' | 'openInteractiveDialog'>;
  store: QuestionStore;
  secrets: Pick<SigningSecrets, 'get'>;
  nonces: Pick<NonceLedger, 'release'>;
  pluginId: string;
  botUserId: () => string;
  answerers: () => Answerers;
  /** The Mattermost user whose post started a run, when this plugin started it from one. */
  runStarter: (runId: string) => Promise<string | undefined>;
  resolve: (id: string, answers: QuestionAnswers) => Promise<void>;
  log: ServerLogger;
  now?: () => number;
}

export class AgentQuestions {
  private readonly now: () => number;
  private readonly expiries: ExpiryTimers;

  constructor(private readonly deps: AgentQuestionDeps) {
    this.now = deps.now ?? Date.now;
    this.expiries = new ExpiryTimers(this.now);
  }

  /** Session events of the link; hostile or unknown payloads are logged and dropped. */
  onEvent(event: string, payload: unknown): Promise<void> {
    const work = event === 'question.requested' ? this.onRequested(payload)
      : event === 'question.resolved' ? this.onResolved(payload) : Promise.resolve();
    return work.catch((err: Error) => this.deps.log.error(`interactions: ${event} failed: ${err.message}`));
  }

  async onRequested(payload: unknown): Promise<void> {
    const parsed = QuestionRequestSchema.safeParse(payload);
    if (!parsed.success) return this.deps.log.warn('interactions: unreadable question.requested dropped');
    const req = parsed.data;
    const target = await targetOf(this.deps.api, this.deps.botUserId(), req.sessionKey);
    if (!target) return;
    const starterId = (req.runId ? await this.deps.runStarter(req.runId) : undefined) ?? target.userId ?? '';
    const starterName = starterId ? (await this.deps.api.getUser(starterId).catch(() => undefined))?.Username ?? starterId : '';
    const asked = req.questions.map(askedOf);
    const expiresAtMs = req.expiresAtMs ?? this.now() + 15 * 60_000;
    const text = questionText(asked);
    const ttl = Math.ceil((expiresAtMs - this.now()) / 1000) + 86_400;
    // Every socket of every node hears the request: the first to claim it posts it.
    const rec: QuestionRecord = { id: req.id, postId: '', channelId: target.channelId, text, expiresAtMs, questions: asked, starterId, starterName };
    if (!(await this.deps.store.create(rec, ttl))) return;
    const who = starterName ? `@${starterName} answers` : 'Anyone here may answer';
    const attachment = signedAttachment({
      pluginId: this.deps.pluginId, secret: await this.deps.secrets.get('buttons'), kind: QUESTION_KIND, channelId: target.channelId, expiresAtMs,
      text: `${this.deps.answerers() === 'channel' ? 'Anyone here may answer' : who}; expires ${new Date(expiresAtMs).toISOString().slice(11, 16)} UTC.`,
      buttons: questionButtons(req.id, asked),
    });
    const post = await this.deps.api.createPost({
      UserId: this.deps.botUserId(), ChannelId: target.channelId, RootId: target.rootId, Message: text, Type: INTERACTIVE_POST_TYPE,
      Props: { attachments: attachmentsProp([attachment]), openclaw_question_id: req.id },
    });
    await this.deps.store.update(req.id, (r) => ({ ...r, postId: post.Id ?? '' }));
    // The gateway announces the expiry itself; this covers a link that is down at that moment.
    this.expiries.at(req.id, expiresAtMs + 5_000, () => this.show(req.id, 'expired', undefined, undefined),
      (err) => this.deps.log.warn('interactions: marking a question expired failed', { error: err.message }));
  }

  async onResolved(payload: unknown): Promise<void> {
    const parsed = QuestionResolvedSchema.safeParse(payload);
    if (!parsed.success) return;
    const { id, status } = parsed.data;
    const rec = await this.deps.store.get(id);
    if (!rec) return;
    const answers = parsed.data.answers?.answers;
    await this.show(id, status, status === 'answered' ? (rec.answerer ? `@${rec.answerer}` : 'another OpenClaw client') : undefined, answers);
  }

  stop(): void {
    this.expiries.stop();
  }

  private allowed(userId: string, rec: QuestionRecord): string | undefined {
    if (this.deps.answerers() === 'channel' || !rec.starterId || rec.starterId === userId) return undefined;
    return `only @${rec.starterName}, whose message started this request, can answer this question.`;
  }

  private async record(ref: unknown): Promise<QuestionRecord> {
    const rec = typeof ref === 'string' ? await this.deps.store.get(ref) : undefined;
    if (!rec) throw new Error('this question is no longer known to the plugin');
    return rec;
  }

  readonly clickHandler: ClickHandler = {
    kind: QUESTION_KIND,
    authorize: async (userId, click) => {
      const rec = typeof click.context.ref === 'string' ? await this.deps.store.get(click.context.ref) : undefined;
      return rec ? this.allowed(userId, rec) : undefined;
    },
    handle: async (click) => {
      const rec = await this.record(click.context.ref);
      if (rec.shown) return 'This question was already answered.';
      const choice = typeof click.context.choice === 'string' ? click.context.choice : '';
      if (choice === OTHER || choice === DIALOG) return this.openDialog(click, rec, choice === OTHER ? 'other' : 'all');
      const label = /^\d$/.test(choice) ? rec.questions[0].options[Number(choice)] : undefined;
      if (label === undefined) throw new Error('this button names no option');
      await this.answer(rec, click.userId, { [rec.questions[0].id]: [label] });
      return undefined;
    },
  };

  readonly dialogHandler: DialogHandler = {
    kind: QUESTION_KIND,
    handle: async (sub) => {
      const rec = await this.record(sub.state.ref);
      if (rec.shown) return { error: 'This question was already answered or has ended.' };
      if (rec.channelId !== sub.channelId) return { error: 'This dialog belongs to another channel.' };
      const denied = this.allowed(sub.userId, rec);
      if (denied) return { error: `OpenClaw refused this answer: ${denied}` };
      const parsed = parseSubmission(rec.questions, sub.state.mode === 'other' ? 'other' : 'all', sub.values);
      if (!parsed.ok) return { errors: parsed.errors };
      await this.answer(rec, sub.userId, parsed.answers);
      return undefined;
    },
  };

  /** Opening a dialog decides nothing: the click's nonce is given back so the buttons stay usable. */
  private async openDialog(click: VerifiedClick, rec: QuestionRecord, mode: DialogMode): Promise<string | undefined> {
    await this.deps.nonces.release(click.context.nonce);
    if (!click.triggerId) return 'This Mattermost client cannot open dialogs; answer with one of the buttons.';
    await openSignedDialog(this.deps.api, this.deps.secrets, this.deps.pluginId, {
      triggerId: click.triggerId, kind: QUESTION_KIND, channelId: rec.channelId, expiresAtMs: rec.expiresAtMs,
      data: { ref: rec.id, mode }, title: 'OpenClaw asks', elements: questionElements(rec.questions, mode), submitLabel: 'Answer',
      introduction: mode === 'all' ? rec.text : undefined,
    });
    return undefined;
  }

  private async answer(rec: QuestionRecord, userId: string, answers: QuestionAnswers): Promise<void> {
    const user = await this.deps.api.getUser(userId);
    const username = user.Username ?? userId;
    await this.deps.store.update(rec.id, (r) => ({ ...r, answerer: username }));
    await this.deps.resolve(rec.id, answers);
    await this.show(rec.id, 'answered', `@${username}`, answers);
  }

  /** Edits the post once, whichever of our answer, the resolved event and the timer comes first. */
  private async show(id: string, outcome: Outcome, by: string | undefined, answers: QuestionAnswers | undefined): Promise<void> {
    const rec = await this.deps.store.claimShown(id, outcome);
    if (!rec) return;
    this.expiries.clear(id);
    const said = answers ? answerLines(rec.questions, answers) : '';
    await showDecided(this.deps.api, rec.postId, said ? `${rec.text}\n\n${said}` : rec.text, decisionOf(outcome, by, this.now()));
  }
}
