// window.PostUtils.messageHtmlToComponent for the browser bed: the HTML formatText produced →
// React elements, like Mattermost's utils/message_html_to_component.tsx (which uses html-to-react
// and swaps in its own components for mentions, emoji, code blocks, LaTeX, images and links).
// Here the browser's DOMParser reads the HTML and a small walker rebuilds it with
// React.createElement, keeping only the tags and attributes markdown produces. Links to other
// sites open in a new tab; `javascript:` and other unknown URL schemes are dropped. Options
// (postId, mentionHighlight, …) are accepted and ignored.
import { createElement, Fragment, type ReactNode } from 'react';

const VOID = new Set(['br', 'hr', 'img', 'input']);
const TAGS = new Set([
  'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'input', 'span', 'div',
]);
/** DOM attribute name → React prop name, for the attributes we keep. */
const ATTRS: Record<string, string> = {
  class: 'className', href: 'href', src: 'src', alt: 'alt', title: 'title', align: 'align',
  start: 'start', type: 'type', disabled: 'disabled', checked: 'defaultChecked',
};
/** Tags whose whitespace-only text children are formatting (marked's newlines), not content. */
const STRUCTURE = new Set(['table', 'thead', 'tbody', 'tr', 'ul', 'ol', 'blockquote']);
const SAFE_URL = /^(https?:|mailto:|\/|#|\.)/i;

function propsOf(el: Element, key: number): Record<string, unknown> {
  const props: Record<string, unknown> = { key };
  for (const attr of Array.from(el.attributes)) {
    const name = ATTRS[attr.name];
    if (!name) continue;
    if ((name === 'href' || name === 'src') && !SAFE_URL.test(attr.value.trim())) continue;
    props[name] = name === 'disabled' || name === 'defaultChecked' ? true : attr.value;
  }
  const tag = el.tagName.toLowerCase();
  // Task-list checkboxes are display only.
  if (tag === 'input') props.readOnly = true;
  if (tag === 'a' && typeof props.href === 'string' && /^https?:/i.test(props.href)) {
    props.target = '_blank';
    props.rel = 'noopener noreferrer';
  }
  return props;
}

const isBlank = (n: Node): boolean => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() === '';
const contentOf = (nodes: NodeListOf<ChildNode>, dropBlank: boolean): ChildNode[] =>
  Array.from(nodes).filter((n) => !dropBlank || !isBlank(n));

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const children = contentOf(el.childNodes, STRUCTURE.has(tag)).map(toReact);
  // An unexpected tag keeps its content but loses its markup.
  if (!TAGS.has(tag)) return createElement(Fragment, { key }, ...children);
  return VOID.has(tag) ? createElement(tag, propsOf(el, key)) : createElement(tag, propsOf(el, key), ...children);
}

export function messageHtmlToComponent(html: string, _options?: unknown): ReactNode {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return createElement(Fragment, null, ...contentOf(body.childNodes, true).map(toReact));
}
