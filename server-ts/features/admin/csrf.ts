// CSRF protection for the System Console's state-changing routes.
//
// What Mattermost itself does before a plugin route runs (app/plugin_requests.go, checked in
// the server source): the Authorization header or token query parameter (a bearer or personal
// access token) is trusted as is; a request authenticated by the MMAUTHTOKEN cookie that is
// not a GET must carry the session's CSRF token (X-CSRF-Token header, or a `csrf` form field),
// but with ServiceSettings.StrictCSRFEnforcement off (the default) a request that merely says
// X-Requested-With: XMLHttpRequest passes too. A failed check does not reject the request: it
// reaches the plugin without Mattermost-User-Id. Mattermost then strips MMAUTHTOKEN and the
// Authorization header, but passes the other cookies (MMCSRF, MMUSERID) through.
//
// So for our admin routes we close the XMLHttpRequest loophole ourselves: a browser request
// (it carries Mattermost's MMCSRF/MMUSERID cookies) that changes something must send
// X-Requested-With: XMLHttpRequest and an X-CSRF-Token equal to the MMCSRF cookie, as
// Client4 does. A cross-site page can neither read that cookie nor set those headers.
// Requests without Mattermost's browser cookies authenticated by token (scripts), which
// Mattermost exempts from CSRF checks because a token is never sent implicitly.
import { timingSafeEqual } from 'node:crypto';
import type { PluginRequest } from '../../mattermost/plugin';
import type { Route } from '../http/router';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BROWSER_COOKIES = ['MMCSRF', 'MMUSERID'];

/** All cookies of the request (Go may send several Cookie header lines). */
export function cookiesOf(req: Pick<PluginRequest, 'headers'>): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of req.headers.Cookie ?? []) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const name = part.slice(0, eq).trim();
      if (!jar.has(name)) jar.set(name, part.slice(eq + 1).trim());
    }
  }
  return jar;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why the request fails the check, or undefined when it passes. */
export function csrfProblem(req: PluginRequest): string | undefined {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
  const cookies = cookiesOf(req);
  if (!BROWSER_COOKIES.some((name) => cookies.has(name))) return undefined; // token-authenticated client
  const expected = cookies.get('MMCSRF');
  const sent = req.header('X-CSRF-Token');
  if (!expected || !sent || !sameSecret(sent, expected)) return 'missing or wrong CSRF token (send X-CSRF-Token with the MMCSRF cookie value, as Client4 does)';
  if (req.header('X-Requested-With') !== 'XMLHttpRequest') return 'missing X-Requested-With: XMLHttpRequest';
  return undefined;
}

export function csrfProtected(route: Route): Route {
  return (ctx, req, res) => {
    const problem = csrfProblem(req);
    if (problem) return res.json(403, { error: `request refused: ${problem}` });
    return route(ctx, req, res);
  };
}
