// Gateway log lines go to the Mattermost server log through the plugin API. Logging must
// never block or fail the caller, so calls are fire-and-forget.
import type { GatewayLogger, LogFields } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';

export function serverLogger(api: PluginAPI): GatewayLogger {
  const send = (fn: (m: string, f?: Record<string, unknown>) => Promise<void>) => (message: string, fields?: LogFields) => {
    const clean = Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== undefined));
    fn.call(api, `gateway: ${message}`, clean).catch(() => undefined);
  };
  return { debug: send(api.logDebug), info: send(api.logInfo), warn: send(api.logWarn), error: send(api.logError) };
}
