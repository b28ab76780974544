// Log lines go to the Mattermost server log through the plugin API. Each feature gets its own
// logger whose lines start with its source ("gateway: …", "commands: …"), so an admin reading the
// server log can tell which part of the plugin spoke. Logging must never block or fail the caller,
// so calls are fire-and-forget.
import type { GatewayLogger, LogFields } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';

/** A leveled logger; the gateway module's interface is the one every feature uses. */
export type ServerLogger = GatewayLogger;

export type LogAPI = Pick<PluginAPI, 'logDebug' | 'logInfo' | 'logWarn' | 'logError'>;

export function serverLogger(api: LogAPI, source: string): ServerLogger {
  const send = (fn: (m: string, f: Record<string, unknown>) => Promise<void>) => (message: string, fields?: LogFields) => {
    const clean = Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== undefined));
    fn(`${source}: ${message}`, clean).catch(() => undefined);
  };
  return {
    debug: send((m, f) => api.logDebug(m, f)),
    info: send((m, f) => api.logInfo(m, f)),
    warn: send((m, f) => api.logWarn(m, f)),
    error: send((m, f) => api.logError(m, f)),
  };
}
