// Records, inside the page, every distinct text our reply posts show and when (a MutationObserver
// installed before the page's scripts on every load, so a reload keeps recording). Tests read it to
// prove the text grew in steps, and the stream bench to time a delta's arrival on screen.
import type { Page } from 'playwright-core';

export interface ReplyRender {
  postId: string;
  text: string;
  state: string;
  /** Date.now() in the page when the text appeared. */
  at: number;
}

declare global {
  interface Window {
    __openclawRenders?: ReplyRender[];
  }
}

function install(): void {
  const renders: ReplyRender[] = (window.__openclawRenders = []);
  const last = new Map<string, string>();
  // Our replies by their own markers; any other post (the bench's REST-edited posts) by the bed's text element.
  const record = (post: Element): void => {
    const reply = post.querySelector<HTMLElement>('.openclaw-reply[data-post-id]');
    const plain = post.querySelector(':scope > .bed-post__text');
    if (!reply && !plain) return;
    const postId = (post as HTMLElement).dataset.postId ?? '';
    const text = (reply ? reply.querySelector('[data-testid="openclaw-reply-text"]')?.textContent : plain?.textContent) ?? '';
    const state = reply ? (reply.dataset.state ?? '') : 'plain';
    const key = `${state}\u0000${text.length}\u0000${text.slice(-200)}`;
    if (last.get(postId) === key) return;
    last.set(postId, key);
    renders.push({ postId, text, state, at: Date.now() });
  };
  // Only the posts a mutation touched are read: reading every post's text on each change would
  // slow the page down with the size of the channel.
  const scan = (mutations: MutationRecord[]): void => {
    const touched = new Set<Element>();
    for (const m of mutations) {
      const node = m.target instanceof Element ? m.target : m.target.parentElement;
      const post = node?.closest('.bed-post[data-post-id]');
      if (post) touched.add(post);
      else for (const p of node?.querySelectorAll('.bed-post[data-post-id]') ?? []) touched.add(p);
    }
    for (const post of touched) record(post);
  };
  const start = (): void => new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

export async function watchReplies(page: Page): Promise<void> {
  await page.addInitScript(install);
}

export function rendersOf(page: Page, postId: string): Promise<ReplyRender[]> {
  return page.evaluate((id) => (window.__openclawRenders ?? []).filter((r) => r.postId === id), postId);
}
