// GET /api/v1/health: lets admins and tests see that the plugin process answers, and which
// plugin and server versions are talking.
import type { Route } from '../http/router';

export interface HealthInfo {
  pluginId: string;
  pluginVersion: string;
  serverVersion(): string;
  activations(): number;
}

export function healthRoute(info: HealthInfo): Route {
  return (_ctx, _req, res) =>
    res.json(200, {
      status: 'ok',
      plugin: { id: info.pluginId, version: info.pluginVersion },
      server: { version: info.serverVersion() },
      activations: info.activations(),
    });
}
