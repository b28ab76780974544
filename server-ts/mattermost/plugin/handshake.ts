// go-plugin start-up contract: refuse to run outside a host, then print the handshake line.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAGIC_COOKIE_KEY = 'MATTERMOST_PLUGIN';
export const MAGIC_COOKIE_VALUE = 'Securely message teams, anywhere.';
const CORE_PROTOCOL_VERSION = 1;
const APP_PROTOCOL_VERSION = 1;

export function launchedByHost(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE;
}

export const NOT_A_HOST_MESSAGE =
  'This binary is a Mattermost plugin. It is not meant to be executed directly: upload the plugin bundle in System Console > Plugins > Plugin Management.';

/** A short unix socket path (sun_path is ~104 bytes) in a directory the server user can reach. */
export function socketPath(dir = process.env.PLUGIN_UNIX_SOCKET_DIR || tmpdir()): string {
  return join(dir, `plugin${randomBytes(6).toString('hex')}`);
}

export function handshakeLine(path: string): string {
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${path}|netrpc|\n`;
}
