import type { Post } from '@mattermost/types/posts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BotIdentity } from '../bot/bot-identity';
import { makeReplyPost, type ReplyContext } from './reply-post';
import { Streams } from './streams';

const BOT = 'bot-id';
const g = globalThis as { window?: { PostUtils?: unknown } };

function post(over: Partial<Post> & { props?: Record<string, unknown> }): Post {
  return { id: 'p1', user_id: BOT, channel_id: 'c', message: '', type: 'custom_openclaw_reply', props: {}, create_at: 1, edit_at: 0, ...over } as Post;
}

function context(me: string | undefined, bot = BOT): ReplyContext {
  const identity = new BotIdentity();
  identity.set(bot);
  const streams = new Streams({ fetchSnapshot: () => Promise.resolve(undefined), onFrame: (r) => r(), logError: () => undefined });
  return { streams, bot: identity, currentUserId: () => me, stop: () => Promise.resolve() };
}

const render = (ctx: ReplyContext, p: Post): string => renderToStaticMarkup(createElement(makeReplyPost(ctx), { post: p }));

beforeEach(() => {
  // The host pipeline marks what it rendered, so a test can tell markdown from plain text.
  g.window = { PostUtils: { formatText: (t: string) => `md(${t})`, messageHtmlToComponent: (html: string) => createElement('span', { className: 'md' }, html) } };
});
afterEach(() => delete g.window);

test('a bot reply streams live text through the host markdown, with cursor, status and Stop for the requester only', () => {
  const ctx = context('alice');
  const p = post({ message: 'Thinking…', props: { openclaw_state: 'streaming', openclaw_requester: 'alice', openclaw_seq: 0 } });
  ctx.streams.update('p1', (s) => (s.delta(1, '**Hi**'), s.delta(2, ' there'), s.status(2, '🔧 exec: ls')));
  const html = render(ctx, p);
  expect(html).toContain('openclaw-reply--streaming');
  expect(html).toContain('<span class="md">md(**Hi** there)</span>');
  expect(html).not.toContain('Thinking…'); // the seq-0 placeholder is for clients without our webapp
  expect(html).toContain('🔧 exec: ls');
  expect(html).toContain('data-testid="openclaw-reply-stop"');
  expect(render(context('bob'), p)).not.toContain('openclaw-reply-stop');
  expect(render(context(undefined), p)).not.toContain('openclaw-reply-stop');
});

test('the stored final post shows without cursor or Stop; its own line says how it ended, with no second note', () => {
  const done = render(context('alice'), post({ message: 'All done.', props: { openclaw_state: 'done', openclaw_requester: 'alice', openclaw_seq: 9 } }));
  expect(done).toContain('md(All done.)');
  expect(done).toContain('data-state="done"');
  expect(done).not.toContain('openclaw-reply--streaming');
  expect(done).not.toContain('openclaw-reply-stop');
  const stopped = render(context('alice'), post({ message: 'Half\n\n:stop_sign: stopped', props: { openclaw_state: 'stopped', openclaw_requester: 'alice', openclaw_seq: 3 } }));
  expect(stopped).toContain('data-state="stopped"');
  expect(stopped).not.toContain('openclaw-reply-note');
  const failed = render(context('alice'), post({ message: 'Half\n\n:x: failed', props: { openclaw_state: 'error', openclaw_seq: 3 } }));
  expect(failed).toContain('data-state="error"');
  expect(failed).not.toContain('openclaw-reply-note');
});

test('a stop or failure heard live, before the final post arrives, gets a note', () => {
  const streaming = { message: 'Half', props: { openclaw_state: 'streaming', openclaw_requester: 'alice', openclaw_seq: 1 } };
  const stoppedCtx = context('alice');
  stoppedCtx.streams.update('p1', (s) => (s.delta(1, 'Half'), s.end(1, 'stopped')));
  expect(render(stoppedCtx, post(streaming))).toContain('Stopped before the answer was complete.');
  const failedCtx = context('alice');
  failedCtx.streams.update('p1', (s) => (s.delta(1, 'Half'), s.end(1, 'error')));
  expect(render(failedCtx, post(streaming))).toContain('The answer could not be completed.');
});

test('an older stored checkpoint does not replace newer live text', () => {
  const ctx = context('alice');
  ctx.streams.update('p1', (s) => (s.delta(1, 'one '), s.delta(2, 'two '), s.delta(3, 'three')));
  const html = render(ctx, post({ message: 'one ', props: { openclaw_state: 'streaming', openclaw_requester: 'alice', openclaw_seq: 1 } }));
  expect(html).toContain('md(one two three)');
});

test("a post of our type by anyone but our bot is its plain message: no markdown, no live state, no Stop", () => {
  const ctx = context('alice');
  ctx.streams.update('p1', (s) => s.delta(1, 'injected'));
  const forged = post({ user_id: 'mallory', message: '**bold** <img src=x onerror=alert(1)>', props: { openclaw_state: 'streaming', openclaw_requester: 'alice', openclaw_seq: 0 } });
  const html = render(ctx, forged);
  expect(html).toContain('data-state="untrusted"');
  expect(html).toContain('**bold** &lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toContain('md(');
  expect(html).not.toContain('injected');
  expect(html).not.toContain('openclaw-reply-stop');
  // Until the bot's id is known, even the bot's posts are plain.
  const unknown: ReplyContext = { ...ctx, bot: new BotIdentity() };
  expect(render(unknown, post({ message: '**x**' }))).toContain('data-state="untrusted"');
});

test('hostile props on a bot post are ignored, not trusted or thrown on; without host markdown the text is plain', () => {
  const ctx = context('alice');
  const weird = post({ message: 'text', props: { openclaw_state: { evil: true }, openclaw_seq: 'NaN', openclaw_requester: ['alice'] } });
  const html = render(ctx, weird);
  expect(html).toContain('data-state="done"');
  expect(html).not.toContain('openclaw-reply-stop');
  g.window = {};
  expect(render(ctx, post({ message: '**plain**' }))).toContain('<p class="openclaw-plain" style="white-space:pre-wrap">**plain**</p>');
});
