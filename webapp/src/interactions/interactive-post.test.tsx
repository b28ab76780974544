import type { Post } from '@mattermost/types/posts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BotIdentity } from '../bot/bot-identity';
import { makeInteractivePost } from './interactive-post';

const BOT = 'bot-id';
const AT = Date.UTC(2026, 11, 2, 14, 3);
const LINE = '✓ **Approve once** by @alice · 14:03 UTC';
const buttons = [{ text: 'Approvers decide.', actions: [{ id: 'allowonce', name: 'Approve once', style: 'primary' }, { id: 'deny', name: 'Deny', style: 'danger' }] }];

function post(over: Partial<Post>): Post {
  return { id: 'p1', user_id: BOT, channel_id: 'c', message: '**Run** `ls`', type: 'custom_openclaw_choice', props: {}, create_at: 1, edit_at: 0, ...over } as Post;
}

function render(p: Post, bot: string | null = BOT): string {
  const identity = new BotIdentity();
  if (bot) identity.set(bot);
  return renderToStaticMarkup(createElement(makeInteractivePost({ bot: identity, press: () => Promise.resolve() }), { post: p }));
}

const g = globalThis as { window?: { PostUtils?: unknown } };
beforeEach(() => {
  g.window = { PostUtils: { formatText: (t: string) => `md(${t})`, messageHtmlToComponent: (html: string) => createElement('span', { className: 'md' }, html) } };
});
afterEach(() => delete g.window);

test('a pending bot post shows its message as markdown and one button per action, styled as asked', () => {
  const html = render(post({ props: { attachments: buttons } }));
  expect(html).toContain('data-state="pending"');
  expect(html).toContain('md(**Run** `ls`)');
  expect(html).toContain('md(Approvers decide.)');
  expect(html).toMatch(/data-action-id="allowonce"[^>]*openclaw-actions__button--primary[^>]*>Approve once</);
  expect(html).toMatch(/data-action-id="deny"[^>]*openclaw-actions__button--danger[^>]*>Deny</);
  expect(html).not.toContain('openclaw-decision');
});

test('a decided post shows the confirmation instead of the buttons, without repeating the sentence kept for mobile', () => {
  const decision = { line: LINE, outcome: 'allow-once', label: 'Approve once', by: '@alice', at: AT };
  const html = render(post({ message: `**Run** \`ls\`\n\n${LINE}`, props: { attachments: [], openclaw_decision: decision } }));
  expect(html).toContain('data-state="decided"');
  expect(html).toContain('md(**Run** `ls`)</span>');
  expect(html).not.toContain('14:03 UTC');
  expect(html).toContain('openclaw-decision--positive');
  expect(html).toContain('data-outcome="allow-once"');
  expect(html).toMatch(/<strong[^>]*>Approve once<\/strong><span[^>]*> by @alice<\/span>/);
  expect(html).toContain(`dateTime="${new Date(AT).toISOString()}"`);
  expect(html).not.toContain('data-action-id');
});

test('denials and expiries get their own tone; an expiry names nobody', () => {
  const denied = render(post({ props: { openclaw_decision: { line: 'x', outcome: 'deny', label: 'Denied', by: 'the OpenClaw CLI', at: AT } } }));
  expect(denied).toContain('openclaw-decision--negative');
  expect(denied).toContain('✗');
  const expired = render(post({ props: { openclaw_decision: { line: 'x', outcome: 'expired', label: 'Expired', at: AT } } }));
  expect(expired).toContain('openclaw-decision--neutral');
  expect(expired).not.toContain('openclaw-decision__by');
});

test('a post of our type by anyone else is its plain message: no buttons, no markdown', () => {
  for (const html of [render(post({ user_id: 'mallory', props: { attachments: buttons } })), render(post({ props: { attachments: buttons } }), null)]) {
    expect(html).toContain('data-state="untrusted"');
    expect(html).toContain('<p class="openclaw-plain" style="white-space:pre-wrap">**Run** `ls`</p>');
    expect(html).not.toContain('data-action-id');
  }
});

test('malformed props render the message without buttons or a confirmation rather than failing', () => {
  for (const props of [{ attachments: 'nope' }, { attachments: [{ actions: [{ id: '', name: 'x' }] }] }, { openclaw_decision: { outcome: 'won', line: 1 } }]) {
    const html = render(post({ props }));
    expect(html).toContain('md(**Run** `ls`)');
    expect(html).not.toContain('data-action-id');
    expect(html).not.toContain('openclaw-decision');
  }
});
