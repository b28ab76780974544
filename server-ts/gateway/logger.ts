// Logging boundary. The host injects its logger; this module never writes to stdout itself
// (the plugin's stdout belongs to the go-plugin handshake).
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface GatewayLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const silentLogger: GatewayLogger = { debug() {}, info() {}, warn() {}, error() {} };
