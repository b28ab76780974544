// The System Console's own routes (besides status and reset-device): DM pairing requests and
// Test connection. Each is for system admins only and CSRF-checked (console-route.ts).
import type { PluginAPI } from '../../mattermost/plugin';
import type { DeviceStore } from '../../gateway';
import type { Router } from '../http/router';
import { testConnectionRoute } from '../gateway-link/test-connection-route';
import { consoleRoute } from './console-route';
import { pairingApproveRoute, pairingListRoute, pairingRevokeRoute, type PairingRouteDeps } from './pairing-routes';

export interface ConsoleRouteDeps {
  pairing: PairingRouteDeps;
  store: DeviceStore;
  displayName: () => string;
  clientVersion: string;
}

export function consoleRoutes(router: Router, api: Pick<PluginAPI, 'getUser' | 'loadPluginConfiguration'>, deps: ConsoleRouteDeps): Router {
  const test = testConnectionRoute({ api, store: deps.store, displayName: deps.displayName, clientVersion: deps.clientVersion });
  return router
    .authenticated('GET', '/api/v1/pairing', consoleRoute(api, pairingListRoute(deps.pairing)))
    .authenticated('POST', '/api/v1/pairing/approve', consoleRoute(api, pairingApproveRoute(deps.pairing)))
    .authenticated('POST', '/api/v1/pairing/revoke', consoleRoute(api, pairingRevokeRoute(deps.pairing)))
    .authenticated('POST', '/api/v1/gateway/test', consoleRoute(api, test));
}
