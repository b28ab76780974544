// Minimal router for the plugin's HTTP API: exact method + path matches (or {param} segments), JSON errors.
import type { PluginContext } from '../../mattermost/model/context';
import type { PluginRequest, PluginResponse } from '../../mattermost/plugin';

export type Route = (ctx: PluginContext, req: PluginRequest, res: PluginResponse) => Promise<void> | void;

/** `/a/{id}/b` → a matcher of whole segments; `{name}` stands for one non-empty segment. */
function patternOf(path: string): RegExp {
  const parts = path.split('/').map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}$`);
}

export class Router {
  private readonly routes = new Map<string, Route>();
  private readonly patterns: Array<{ method: string; path: RegExp; route: Route }> = [];

  /** `path` may hold `{name}` segments (e.g. /api/v1/streams/{post_id}); the route reads them from req.path. */
  on(method: string, path: string, route: Route): this {
    if (path.includes('{')) this.patterns.push({ method, path: patternOf(path), route });
    else this.routes.set(`${method} ${path}`, route);
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
    const matching = this.patterns.filter((p) => p.path.test(req.path));
    const byMethod = matching.find((p) => p.method === req.method);
    if (byMethod) return byMethod.route(ctx, req, res);
    const pathKnown = matching.length > 0 || [...this.routes.keys()].some((key) => key.endsWith(` ${req.path}`));
    if (pathKnown) return res.json(405, { error: `method ${req.method} not allowed on ${req.path}` });
    res.json(404, { error: `no such endpoint: ${req.path}` });
  }
}
