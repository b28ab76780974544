// A plugin request as Mattermost hands a console route over: headers in Go's canonical form,
// cookies as one Cookie line (MMAUTHTOKEN already stripped), a JSON body.
import type { PluginRequest } from '../../mattermost/plugin';
import { canonicalHeaderName } from '../../mattermost/plugin/http-request';

export interface ConsoleRequestInit {
  userId?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  body?: unknown;
}

export function consoleRequest(method: string, path: string, init: ConsoleRequestInit = {}): PluginRequest {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(init.headers ?? {})) headers[canonicalHeaderName(k)] = [v];
  const cookies = Object.entries(init.cookies ?? {}).map(([k, v]) => `${k}=${v}`).join('; ');
  if (cookies) headers.Cookie = [cookies];
  const body = init.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(init.body));
  return {
    method, path, query: new URLSearchParams(), headers, userId: init.userId,
    header: (name) => headers[canonicalHeaderName(name)]?.[0],
    body: () => Promise.resolve(body),
  };
}

/** What Client4 sends from a signed-in browser. */
export const browser = (csrf = 'csrf-token-1') => ({
  cookies: { MMCSRF: csrf, MMUSERID: 'u'.repeat(26) },
  headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': csrf },
});
