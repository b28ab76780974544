// Process start-up: cookie check, listener, handshake line — all before any application code
// is loaded, because the host kills plugins that take more than 3 s to print the handshake.
import { createServer, type Socket } from 'node:net';
import { rmSync, writeSync } from 'node:fs';
import { handshakeLine, launchedByHost, NOT_A_HOST_MESSAGE, socketPath } from './handshake';
import { describeError, stderrLog } from './stderr-log';
import type { PluginFactory } from './hooks';

export function startPluginProcess(loadFactory: () => PluginFactory): void {
  if (!launchedByHost()) {
    process.stderr.write(`${NOT_A_HOST_MESSAGE}\n`);
    process.exit(1);
  }
  // A Ctrl-C on the server's terminal must not kill us before OnDeactivate; the host quits us.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => process.exit(0));
  process.on('uncaughtException', (err) => stderrLog('ERROR', `uncaught exception: ${describeError(err)}`));
  process.on('unhandledRejection', (err) => stderrLog('ERROR', `unhandled rejection: ${describeError(err)}`));

  const path = socketPath();
  const cleanup = () => rmSync(path, { force: true });
  process.on('exit', cleanup);
  const server = createServer();
  server.on('error', (err) => {
    stderrLog('ERROR', `plugin listener failed: ${describeError(err)}`);
    process.exit(1);
  });
  server.listen(path, () => {
    writeSync(1, handshakeLine(path));
  });
  server.once('connection', (socket: Socket) => {
    server.close(); // the host dials exactly one connection
    cleanup();
    // Loaded only now, so the handshake never waits for the application code.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: the runtime loads after the handshake is out
    const { serveConnection } = require('./runtime') as typeof import('./runtime');
    serveConnection(socket, loadFactory()).catch((err: unknown) =>
      stderrLog('ERROR', `serving the host connection failed: ${describeError(err)}`));
  });
}
