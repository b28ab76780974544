// Admin-only endpoints check the caller's roles on the server, never a client claim.
import type { PluginAPI } from '../../mattermost/plugin';
import type { Route } from '../http/router';

/** Throws when the user cannot be looked up: an API failure is not a "no". */
export async function isSystemAdmin(api: Pick<PluginAPI, 'getUser'>, userId: string): Promise<boolean> {
  const user = await api.getUser(userId);
  return (user.Roles ?? '').split(/\s+/).includes('system_admin');
}

/** Wraps a route so only system admins reach it (403 for everyone else). */
export function systemAdminOnly(api: Pick<PluginAPI, 'getUser'>, route: Route): Route {
  return async (ctx, req, res) => {
    if (!req.userId || !(await isSystemAdmin(api, req.userId))) {
      return res.json(403, { error: 'only system admins can see or change the OpenClaw gateway connection' });
    }
    return route(ctx, req, res);
  };
}
