// The guard every System Console route wears: a system admin, and Mattermost's CSRF rules
// for anything that changes state (see csrf.ts). CSRF runs first: it needs no API call.
import type { PluginAPI } from '../../mattermost/plugin';
import type { Route } from '../http/router';
import { csrfProtected } from './csrf';
import { systemAdminOnly } from './system-admin';

export function consoleRoute(api: Pick<PluginAPI, 'getUser'>, route: Route): Route {
  return csrfProtected(systemAdminOnly(api, route));
}
