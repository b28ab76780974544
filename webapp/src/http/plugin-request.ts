// Requests to our server routes with the headers Mattermost's web client (Client4's getOptions)
// puts on every request: X-Requested-With: XMLHttpRequest and, for anything but a GET,
// X-CSRF-Token from the MMCSRF cookie; the session cookie goes along (same origin).
// Written out rather than bundling @mattermost/client, which would triple the bundle.
import { PLUGIN_ID } from '../manifest';

let base = '';

function csrfFromCookie(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'MMCSRF') return value.join('=');
  }
  return undefined;
}

export function requestOptions(method: 'GET' | 'POST', body?: string): RequestInit {
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  const csrf = method === 'GET' ? undefined : csrfFromCookie();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return { method, headers, body, credentials: 'include' };
}

/** Mattermost may live under a path (SiteURL https://host/chat): our routes are under it too. */
export function setSiteUrl(siteUrl: string | undefined): void {
  try {
    base = siteUrl ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '';
  } catch {
    base = '';
  }
}

/** The URL of one of our routes, e.g. pluginUrl('/status'). */
export const pluginUrl = (path: string): string => `${base}/plugins/${PLUGIN_ID}/api/v1${path}`;

/** A Mattermost REST URL under the site's path, e.g. apiUrl('/posts/x/actions/y'). */
export const apiUrl = (path: string): string => `${base}/api/v4${path}`;
