// Minimal router for the plugin's HTTP API: exact method + path matches, JSON errors.
import type { PluginContext } from '../../mattermost/model/context';
import type { PluginRequest, PluginResponse } from '../../mattermost/plugin';

export type Route = (ctx: PluginContext, req: PluginRequest, res: PluginResponse) => Promise<void> | void;

export class Router {
  private readonly routes = new Map<string, Route>();

  on(method: string, path: string, route: Route): this {
    this.routes.set(`${method} ${path}`, route);
    return this;
  }

  /**
   * Route that only Mattermost-authenticated users reach (the server sets Mattermost-User-Id).
   * Requests from other plugins are refused: some server versions pass their user id through.
   */
  authenticated(method: string, path: string, route: Route): this {
    return this.on(method, path, (ctx, req, res) => {
      if (!req.userId || req.header('Mattermost-Plugin-ID')) {
        return res.json(401, { error: 'authentication required: sign in to Mattermost or send a valid token' });
      }
      return route(ctx, req, res);
    });
  }

  async handle(ctx: PluginContext, req: PluginRequest, res: PluginResponse): Promise<void> {
    const route = this.routes.get(`${req.method} ${req.path}`);
    if (route) return route(ctx, req, res);
    const pathKnown = [...this.routes.keys()].some((key) => key.endsWith(` ${req.path}`));
    if (pathKnown) return res.json(405, { error: `method ${req.method} not allowed on ${req.path}` });
    res.json(404, { error: `no such endpoint: ${req.path}` });
  }
}
