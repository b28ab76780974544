// Serves one host connection: yamux session → control/stdout/stderr streams → broker →
// Control/Dispenser on the control stream → the "Plugin" hooks service on a broker stream.
import type { Socket } from 'node:net';
import { YamuxSession } from '../yamux';
import { MuxBroker } from '../broker';
import { RpcClient } from '../netrpc/client';
import { RpcServer } from '../netrpc/server';
import { controlMethods } from './control';
import { hookMethods } from './hooks-server';
import { ApiTransport } from './api-transport';
import { PluginAPI } from './api';
import type { PluginFactory } from './hooks';
import { describeError, stderrLog } from './stderr-log';

export async function serveConnection(socket: Socket, factory: PluginFactory): Promise<void> {
  const session = new YamuxSession(socket);
  void session.closed.then((err) => {
    // Without the host there is nothing left to do; lingering would orphan the process.
    if (err) stderrLog('WARN', `host connection ended: ${err.message}`);
    process.exit(0);
  });

  // go-plugin opens control, stdout and stderr first, in that order.
  const control = await session.accept();
  await session.accept();
  await session.accept();
  const broker = new MuxBroker(session);
  void broker.run();

  const transport = new ApiTransport();
  const hooks = factory(new PluginAPI(transport));
  const onHookError = (hook: string, err: unknown) => stderrLog('ERROR', `hook ${hook} failed: ${describeError(err)}`);

  const hookServiceMethods = hookMethods({
    hooks,
    onHookError,
    http: { dial: (id) => broker.dial(id) },
    async connectApi({ APIMuxId, DriverMuxId }) {
      const [api, driver] = await Promise.all([
        broker.dial(APIMuxId ?? 0),
        DriverMuxId ? broker.dial(DriverMuxId) : Promise.resolve(undefined),
      ]);
      // The DB driver stream is dialed only so the host's accept succeeds; we never use SQL.
      void driver;
      transport.attach(new RpcClient(api));
    },
  });

  new RpcServer(control, controlMethods({
    dispenseHooks() {
      const id = broker.nextId();
      broker.accept(id).then(
        (stream) => new RpcServer(stream, hookServiceMethods, (err) => onHookError('reply', err), () => {
          // Mattermost sends every hook on this one stream: without it the plugin would stay
          // active but deaf. Exiting lets Mattermost's health check restart it.
          stderrLog('ERROR', 'the hooks stream could not be read any more; exiting so Mattermost restarts the plugin');
          process.exit(1);
        }),
        (err) => stderrLog('ERROR', `hooks stream was never dialed: ${describeError(err)}`),
      );
      return id;
    },
    quit() {
      void session.close().finally(() => process.exit(0));
    },
  }));
}
