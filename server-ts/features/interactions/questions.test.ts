import type { Post } from '../../mattermost/model/post';
import type { OpenDialogRequest } from '../../mattermost/model/misc';
import { FakeKv } from '../conversations/testing/fake-kv';
import { DECISION_PROP, INTERACTIVE_POST_TYPE } from './decided-post';
import { postActions } from './post-actions';
import { QuestionStore } from './question-post';
import { AgentQuestions, type AgentQuestionDeps, type Answerers } from './questions';
import { SigningSecrets } from './signing-secrets';
import type { VerifiedClick } from './verify-click';

const BOT = 'b'.repeat(26);
const ALICE = 'a'.repeat(26);
const BOB = 'e'.repeat(26);
const CHANNEL = 'c'.repeat(26);
const NOW = Date.UTC(2026, 11, 1, 14, 3);
const DEPLOY = { questionId: 'deploy_target', header: 'Target', question: 'Where should I deploy?', options: [{ label: 'Staging' }, { label: 'Production' }], isOther: true };
const REGION = { questionId: 'region', header: 'Region', question: 'Which region?', options: [{ label: 'eu' }, { label: 'us' }], isOther: true };
const request = (id = 'q1', questions: unknown[] = [DEPLOY], runId = 'run1') => ({
  id, questions, sessionKey: `agent:main:mattermost:channel:${CHANNEL}`, runId, expiresAtMs: NOW + 60_000, status: 'pending',
});

function setup(opts: { answerers?: Answerers; resolveFails?: boolean } = {}) {
  const kv = new FakeKv();
  const posts = new Map<string, Post>();
  const resolved: string[] = [];
  const dialogs: OpenDialogRequest[] = [];
  const released: string[] = [];
  const deps: AgentQuestionDeps = {
    api: {
      createPost: (p) => { const post = { ...p, Id: `post${posts.size}` }; posts.set(post.Id, post); return Promise.resolve(post); },
      updatePost: (p) => { posts.set(p.Id!, p); return Promise.resolve(p); },
      getPost: (id) => Promise.resolve(posts.get(id)!),
      getDirectChannel: () => Promise.resolve({ Id: 'd'.repeat(26) }),
      getUser: (id) => Promise.resolve({ Id: id, Username: id === ALICE ? 'alice' : 'bob' }),
      openInteractiveDialog: (r) => { dialogs.push(r); return Promise.resolve(); },
    },
    store: new QuestionStore(kv), secrets: new SigningSecrets(kv), pluginId: 'openclaw', botUserId: () => BOT,
    nonces: { release: (n) => { released.push(n); return Promise.resolve(); } },
    answerers: () => opts.answerers ?? 'starter', runStarter: (runId) => Promise.resolve(runId === 'run1' ? ALICE : undefined),
    log: { debug() {}, info() {}, warn() {}, error() {} }, now: () => NOW,
    resolve: (id, answers) => (opts.resolveFails ? Promise.reject(new Error('gateway away')) : (resolved.push(`${id}:${JSON.stringify(answers)}`), Promise.resolve())),
  };
  const questions = new AgentQuestions(deps);
  const click = (post: Post, choice: string, userId = ALICE, triggerId?: string): VerifiedClick =>
    ({ userId, post, actionName: '', triggerId, context: { action_id: 'x', kind: 'question', channel_id: CHANNEL, expires_at: '1', nonce: 'n'.repeat(16), _token: '', ref: 'q1', choice } });
  const submit = (values: Record<string, unknown>, mode = 'other', userId = ALICE) => questions.dialogHandler.handle({
    userId, channelId: CHANNEL, values, state: { kind: 'question', channel_id: CHANNEL, expires_at: String(NOW + 60_000), _token: '', ref: 'q1', mode },
  });
  return { questions, posts, resolved, dialogs, released, click, submit };
}

test('one question becomes one post with a button per option and Other…, once across sockets', async () => {
  const { questions, posts } = setup();
  await questions.onEvent('question.requested', request());
  await questions.onEvent('question.requested', request());
  expect(posts.size).toBe(1);
  const [post] = posts.values();
  expect(post).toMatchObject({ UserId: BOT, ChannelId: CHANNEL, RootId: '', Type: INTERACTIVE_POST_TYPE });
  expect(post.Message).toBe('**OpenClaw asks** (Target)\nWhere should I deploy?');
  expect(postActions(post).map((a) => [a.id, a.name, a.context.choice])).toEqual([['o0', 'Staging', '0'], ['o1', 'Production', '1'], ['other', 'Other…', 'other']]);
});

test('a click by the starter answers with the option; the post shows the answer and loses its buttons', async () => {
  const { questions, posts, resolved, click } = setup();
  await questions.onEvent('question.requested', request());
  const [post] = posts.values();
  expect(await questions.clickHandler.authorize(ALICE, click(post, '1'))).toBeUndefined();
  expect(await questions.clickHandler.handle(click(post, '1'))).toBeUndefined();
  expect(resolved).toEqual(['q1:{"deploy_target":["Production"]}']);
  const decided = posts.get(post.Id!)!;
  expect(decided.Message).toBe(`${post.Message}\n\n**Target:** Production\n\n✓ **Answered** by @alice · 14:03 UTC`);
  expect(postActions(decided)).toEqual([]);
  expect(decided.Props?.[DECISION_PROP]).toMatchObject({ outcome: 'answered' });
  await questions.onEvent('question.resolved', { id: 'q1', status: 'answered', answers: { answers: { deploy_target: ['Production'] } } });
  expect(posts.get(post.Id!)!.Message).toBe(decided.Message);
});

test('someone else is refused unless the setting lets anyone in the channel answer', async () => {
  const strict = setup();
  await strict.questions.onEvent('question.requested', request());
  const [post] = strict.posts.values();
  expect(await strict.questions.clickHandler.authorize(BOB, strict.click(post, '0', BOB))).toContain('only @alice');
  expect((await strict.submit({ q0other: 'mine' }, 'other', BOB))?.error).toContain('only @alice');
  expect(strict.resolved).toEqual([]);
  const open = setup({ answerers: 'channel' });
  await open.questions.onEvent('question.requested', request());
  const [post2] = open.posts.values();
  expect(await open.questions.clickHandler.authorize(BOB, open.click(post2, '0', BOB))).toBeUndefined();
});

test('Other… opens a signed dialog and gives the nonce back; its submission answers with the text', async () => {
  const { questions, posts, dialogs, released, resolved, click, submit } = setup();
  await questions.onEvent('question.requested', request());
  const [post] = posts.values();
  expect(await questions.clickHandler.handle(click(post, 'other', ALICE, 'trigger1'))).toBeUndefined();
  expect(released).toEqual(['n'.repeat(16)]);
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toMatchObject({ TriggerId: 'trigger1', URL: '/plugins/openclaw/api/v1/interactions/dialog' });
  expect(dialogs[0].Dialog?.Elements?.map((e) => e.Name)).toEqual(['q0other']);
  const state = JSON.parse(dialogs[0].Dialog?.State ?? '') as Record<string, unknown>;
  expect(state).toMatchObject({ kind: 'question', ref: 'q1', mode: 'other', channel_id: CHANNEL });
  expect(state._token).toMatch(/^[0-9a-f]{64}$/);
  expect(await submit({ q0other: '  ' })).toEqual({ errors: { q0other: 'Answer this question.' } });
  expect(await submit({ q0other: ' Canary ' })).toBeUndefined();
  expect(resolved).toEqual(['q1:{"deploy_target":["Canary"]}']);
  expect(posts.get(post.Id!)!.Message).toContain('**Target:** Canary');
  expect((await submit({ q0other: 'again' }))?.error).toContain('already answered');
});

test('several questions: one Answer… button, a dialog with a field each, checked answers', async () => {
  const { questions, posts, dialogs, resolved, click, submit } = setup();
  await questions.onEvent('question.requested', request('q1', [DEPLOY, REGION]));
  const [post] = posts.values();
  expect(post.Message).toContain('2. **Region**: Which region? (eu · us)');
  expect(postActions(post).map((a) => a.id)).toEqual(['answer']);
  await questions.clickHandler.handle(click(post, 'dialog', ALICE, 't'));
  expect(dialogs[0].Dialog?.Elements?.map((e) => [e.Name, e.Type])).toEqual([['q0', 'select'], ['q0other', 'text'], ['q1', 'select'], ['q1other', 'text']]);
  expect(await submit({ q0: 'Mars', q1: 'eu' }, 'all')).toEqual({ errors: { q0: 'Choose one of the listed options.' } });
  expect(await submit({ q0: 'Staging', q0other: 'Canary', q1: 'eu' }, 'all')).toEqual({ errors: { q0other: 'Choose one option or type an answer, not both.' } });
  expect(await submit({ q0: 'Staging' }, 'all')).toEqual({ errors: { q1: 'Answer this question.' } });
  expect(await submit({ q0: 'Staging', q1other: 'ap-south' }, 'all')).toBeUndefined();
  expect(resolved).toEqual(['q1:{"deploy_target":["Staging"],"region":["ap-south"]}']);
});

test('cancelled, expired and answered elsewhere: the post says so and its buttons go', async () => {
  const { questions, posts } = setup();
  await questions.onEvent('question.requested', request('q1'));
  await questions.onEvent('question.requested', request('q2'));
  await questions.onEvent('question.requested', request('q3'));
  await questions.onEvent('question.resolved', { id: 'q1', status: 'cancelled' });
  await questions.onEvent('question.resolved', { id: 'q2', status: 'expired' });
  await questions.onEvent('question.resolved', { id: 'q3', status: 'answered', answers: { answers: { deploy_target: ['Staging'] } } });
  await questions.onEvent('question.resolved', { id: 'unknown', status: 'expired' });
  const [p1, p2, p3] = [...posts.values()];
  expect(p1.Message).toContain('✗ **Cancelled** · 14:03 UTC');
  expect(p2.Message).toContain('⌛ **Expired** · 14:03 UTC');
  expect(p3.Message).toContain('**Target:** Staging\n\n✓ **Answered** by another OpenClaw client');
  for (const p of [p1, p2, p3]) expect(postActions(p)).toEqual([]);
  questions.stop();
});

test('a refused answer leaves the post as it was (the click route gives the click back)', async () => {
  const { questions, posts, click } = setup({ resolveFails: true });
  await questions.onEvent('question.requested', request('q1', [DEPLOY], 'other-run'));
  const [post] = posts.values();
  // A run no post started: anyone in the channel may answer.
  expect(await questions.clickHandler.authorize(BOB, click(post, '0', BOB))).toBeUndefined();
  await expect(questions.clickHandler.handle(click(post, '0', BOB))).rejects.toThrow('gateway away');
  expect(postActions(posts.get(post.Id!)!)).toHaveLength(3);
  questions.stop();
});
