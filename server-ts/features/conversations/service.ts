// Conversations: posts in Mattermost reach the agent and its replies come back.
//   MessageHasBeenPosted → decide (cached facts, no API call) → access → deliver or queue
// Everything a hook or a timer calls lives here; the pieces are in their own modules.
import type { Post, Reaction } from '../../mattermost/model';
import { AccessControl } from './access';
import type { AgentMessage, AgentPort } from './agent-port';
import { loadAllowlist } from './allowlist';
import { ChannelCache } from './channel-cache';
import { parseChannelOverrides } from './channel-overrides';
import { channelIgnores, decide, quickIgnore, type DecideConfig } from './decide';
import { deliverPost, type DeliveryDeps } from './delivery';
import { acceptPost } from './intake';
import { KvLease } from './kv-lock';
import { channelLookup, membershipLookup, type MattermostPort } from './mattermost-port';
import { MentionMatcher } from './mention';
import { notDeliveredText, QUEUED_MARKER } from './notices';
import { PairingStore } from './pairing-store';
import { emptyFacts, readPostFacts } from './post-facts';
import { PostSessions } from './post-sessions';
import { QueueDrainer } from './queue-drainer';
import { forwardReaction } from './reactions';
import { AgentMessages } from './agent-messages';
import { RelayQueue, type QueuedPost } from './relay-queue';
import { FinalReplyPresenter, type PresenterFactory } from './reply-presenter';
import { DEFAULT_SETTINGS, readConversationSettings, type ConversationSettings } from './settings';
import { RunStarters } from './run-starters';
import { RelayStats } from './stats';
import { UserCache } from './users';

export interface ConversationLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  error: (message: string) => void;
}

export interface ConversationDeps {
  mm: MattermostPort;
  agent: AgentPort;
  botUserId: () => string;
  botUsername: string;
  agentId: () => string;
  /** Unique per plugin process: names this node in KV leases and claims. */
  nodeId: string;
  log: ConversationLog;
  presenter?: PresenterFactory;
  isTeamMember?: (teamId: string, userId: string) => Promise<boolean>;
  /** How often queued posts are looked at (expiry notes, other nodes' posts). */
  drainEveryMs?: number;
}

export const CLUSTER_EVENT = 'conv-invalidate';

export class Conversations {
  readonly stats = new RelayStats();
  readonly pairing: PairingStore;
  readonly queue: RelayQueue;
  /** Whose post started each run we sent. */
  readonly starters: RunStarters;
  private readonly cache: ChannelCache;
  private readonly access: AccessControl;
  private readonly users: UserCache;
  private readonly sessions: PostSessions;
  private readonly drainer: QueueDrainer;
  private readonly queueLease: KvLease;
  private readonly agentMessages: AgentMessages;
  private settings: ConversationSettings = DEFAULT_SETTINGS;
  private cfg: DecideConfig;
  private problems: string[] = [];
  /** Set by the first configure(), which runs once the bot exists: no post is judged before. */
  private ready = false;
  private queuedCount = 0;
  private readonly stops: Array<() => void> = [];
  /** Reused for every post: deciding "not for us" allocates nothing. */
  private readonly scratch = emptyFacts();

  constructor(private readonly deps: ConversationDeps) {
    const { mm, log } = deps;
    this.cache = new ChannelCache(channelLookup(mm, () => { this.stats.decisionApiCalls++; }), deps.botUserId);
    this.pairing = new PairingStore(mm);
    this.access = new AccessControl(this.pairing, membershipLookup(mm, deps.isTeamMember));
    this.users = new UserCache(mm);
    this.sessions = new PostSessions(mm, log.error);
    this.queue = new RelayQueue(mm);
    this.starters = new RunStarters(mm);
    this.cfg = this.decideConfig(DEFAULT_SETTINGS);
    this.queueLease = new KvLease(mm, 'conv-queue-lease', deps.nodeId, 30);
    this.drainer = new QueueDrainer({
      queue: this.queue, lease: this.queueLease, nodeId: deps.nodeId,
      isConnected: () => deps.agent.isConnected(),
      deliver: async (item) => {
        const r = await deliverPost(this.deliveryDeps(), item);
        if (r === 'done') await this.unmark(item);
        return r;
      },
      expire: (item) => this.expire(item),
      expiryMs: () => this.settings.queueExpiryMinutes * 60_000,
      onError: log.error,
    });
    this.agentMessages = new AgentMessages({
      mm, agent: deps.agent, botUserId: deps.botUserId, agentId: deps.agentId, nodeId: deps.nodeId, log,
      remember: (ids, key) => this.sessions.remember(ids, key),
    });
  }

  /** Applies the System Console settings; allowlist names are resolved here, never per post. */
  async configure(rawConfig: unknown): Promise<void> {
    const { settings, problems } = readConversationSettings(rawConfig);
    const cfg = this.decideConfig(settings);
    const [dm, channel] = await Promise.all([
      loadAllowlist(this.deps.mm, this.deps.mm, 'dm', settings.dmAllowlist, 'DM allowlist'),
      loadAllowlist(this.deps.mm, this.deps.mm, 'channel', settings.channelAllowlist, 'Channel allowlist'),
    ]);
    this.access.configure(settings, dm, channel);
    this.access.clearMembership();
    this.settings = settings;
    this.cfg = cfg;
    this.problems = [...problems, ...cfg.overrides.problems, ...dm.problems, ...channel.problems];
    if (!this.deps.isTeamMember && dm.teams.length) {
      this.problems.push('DM allowlist: team entries need a team-membership lookup this plugin runtime does not offer yet; they are ignored for DMs');
    }
    for (const p of this.problems) this.deps.log.error(`settings: ${p}`);
    this.ready = true;
  }

  /** Timers and gateway listeners; call once after activation. */
  start(): void {
    const every = this.deps.drainEveryMs ?? 20_000;
    const timer = setInterval(() => { void this.drainQueue(); }, every);
    timer.unref?.();
    this.stops.push(() => clearInterval(timer));
    const sweeper = setInterval(() => this.cache.sweep(), 60_000);
    sweeper.unref?.();
    this.stops.push(() => clearInterval(sweeper));
    this.stops.push(this.deps.agent.onConnected(() => { void this.drainQueue(); }));
    this.stops.push(this.agentMessages.start());
  }

  /** Stops timers and listeners and gives up the queue lease, so a restarted plugin drains at once. */
  async stop(): Promise<void> {
    for (const s of this.stops.splice(0)) s();
    await this.queueLease.release().catch(() => undefined);
  }

  /** MessageHasBeenPosted: decides in microseconds; relaying happens in the background. */
  async onPost(post: Post): Promise<void> {
    const start = performance.now();
    if (!this.ready) return;
    // Most posts on a server end here, with one map lookup and one scan of the message.
    const known = this.cache.peek(post.ChannelId ?? '');
    if (known && channelIgnores(known, post.Message ?? '', this.cfg)) return this.stats.ignored(start);
    let facts = readPostFacts(post, this.scratch);
    if (quickIgnore(facts, this.cfg)) return this.stats.ignored(start);
    let channel = known;
    if (!channel) {
      facts = { ...facts }; // the scratch object is reused by the next post while we wait
      channel = await this.cache.get(facts.channelId);
    }
    const decision = decide(facts, channel, this.cfg);
    if (!decision.relay) return this.stats.ignored(start);
    if (facts === this.scratch) facts = { ...facts };
    this.stats.relayed++;
    void acceptPost(this.intakeDeps(), facts, channel, decision, post.CreateAt ?? Date.now(), this.stats.relayed)
      .catch((err: Error) => this.deps.log.error(`relaying post ${facts.id} failed: ${err.message}`));
  }

  async onReaction(reaction: Reaction, added: boolean): Promise<void> {
    const forwarded = await forwardReaction({
      agent: this.deps.agent, access: this.access, cache: this.cache, users: this.users, sessions: this.sessions,
      botUserId: this.deps.botUserId(),
    }, reaction, added);
    if (forwarded) this.stats.reactionsForwarded++;
  }

  /** Agent-initiated text for a Mattermost session (also called by the gateway listener). */
  agentMessage(m: AgentMessage): Promise<string[]> {
    return this.agentMessages.handle(m);
  }

  /** A user joined or left a channel; the bot's own membership is cached. */
  onMembership(channelId: string, userId: string, member: boolean, fromCluster = false): void {
    if (userId !== this.deps.botUserId()) return;
    this.cache.membershipChanged(channelId, userId, member);
    if (!fromCluster) this.broadcast({ channelId, member });
  }

  onClusterEvent(id: string | undefined, data: Uint8Array | undefined): void {
    if (id !== CLUSTER_EVENT || !data) return;
    try {
      const e = JSON.parse(Buffer.from(data).toString('utf8')) as { channelId?: unknown; member?: unknown; pairing?: unknown };
      if (typeof e.channelId === 'string' && typeof e.member === 'boolean') this.onMembership(e.channelId, this.deps.botUserId(), e.member, true);
      if (e.pairing === true) this.pairing.invalidate();
    } catch {
      // Not ours or damaged: nothing to invalidate.
    }
  }

  /** Another node should re-read pairing approvals (after /oc_pairing). */
  pairingChanged(): void {
    this.broadcast({ pairing: true });
  }

  drainQueue(): Promise<void> {
    return this.drainer.drain().then(async () => { this.queuedCount = (await this.queue.entries()).length; });
  }

  status(): Record<string, unknown> {
    return { settings: this.settings, queued: this.queuedCount, problems: this.problems, stats: this.stats.snapshot() };
  }

  // --- wiring of the parts ---

  private decideConfig(s: ConversationSettings): DecideConfig {
    return {
      botUserId: this.deps.botUserId(), mention: new MentionMatcher(this.deps.botUsername), chatMode: s.chatMode,
      oncharPrefixes: s.oncharPrefixes, allowBots: s.allowBots, overrides: parseChannelOverrides(s.channelOverrides),
    };
  }

  private deliveryDeps(): DeliveryDeps {
    const { mm, agent, log } = this.deps;
    const bot = this.deps.botUserId();
    return {
      agent, files: mm, botUserId: this.deps.botUserId, logError: log.error, logTimings: log.debug,
      publishTyping: (channelId, parentId) => mm.publishUserTyping(bot, channelId, parentId),
      notifySender: (userId, post) => mm.sendEphemeralPost(userId, post),
      presenter: this.deps.presenter ?? ((ctx) => new FinalReplyPresenter(mm, bot, ctx)),
      remember: (ids, key) => this.sessions.remember(ids, key),
      rememberStarter: (runId, userId) => this.starters.remember(runId, userId),
    };
  }

  private intakeDeps() {
    return {
      mm: this.deps.mm, agent: this.deps.agent, access: this.access, pairing: this.pairing, users: this.users, queue: this.queue,
      settings: this.settings, agentId: this.deps.agentId(), botUserId: this.deps.botUserId(),
      deliver: async (item: QueuedPost) => {
        this.deps.log.debug(`relaying post ${item.postId} to ${item.sessionKey}`);
        const r = await deliverPost(this.deliveryDeps(), item);
        this.deps.log.debug(`post ${item.postId}: ${r === 'done' ? 'answered' : 'gateway away, queued'}`);
        return r;
      },
      enqueue: (item: QueuedPost) => this.enqueue(item),
    };
  }

  private async enqueue(item: QueuedPost): Promise<void> {
    if (!(await this.queue.enqueue(item))) {
      await this.expire(item, 'the queue of waiting messages is full');
      return;
    }
    this.queuedCount = Math.max(this.queuedCount, 1);
    this.deps.log.debug(`post ${item.postId} queued until the gateway is back`);
    await this.deps.mm.addReaction({ UserId: this.deps.botUserId(), PostId: item.postId, EmojiName: QUEUED_MARKER })
      .catch((err: Error) => this.deps.log.error(`could not mark queued post ${item.postId}: ${err.message}`));
    if (this.deps.agent.isConnected()) void this.drainQueue();
  }

  private async expire(item: QueuedPost, why?: string): Promise<void> {
    const text = why ? `:warning: This message was not delivered to OpenClaw: ${why}. Please send it again later.` : notDeliveredText(this.settings.queueExpiryMinutes);
    await this.deps.mm.createPost({ UserId: this.deps.botUserId(), ChannelId: item.channelId, RootId: item.rootFirst, Message: text });
    await this.unmark(item);
  }

  private async unmark(item: QueuedPost): Promise<void> {
    await this.deps.mm.removeReaction({ UserId: this.deps.botUserId(), PostId: item.postId, EmojiName: QUEUED_MARKER }).catch(() => undefined);
  }

  private broadcast(event: Record<string, unknown>): void {
    this.deps.mm.publishPluginClusterEvent({ Id: CLUSTER_EVENT, Data: Buffer.from(JSON.stringify(event)) })
      .catch((err: Error) => this.deps.log.error(`cluster event failed: ${err.message}`));
  }
}
