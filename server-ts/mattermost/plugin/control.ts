// go-plugin's control stream services: Control (health ping, quit) and Dispenser (hands out
// the broker id on which the "hooks" plugin is served).
import { t } from '../gob';
import type { RpcMethods } from '../netrpc/server';
import { EmptyStructType } from '../netrpc/frames';

export interface ControlDeps {
  /** Reserves a broker id and starts serving the hooks service on it once the host dials. */
  dispenseHooks(): number;
  quit(): void;
}

export function controlMethods(deps: ControlDeps): RpcMethods {
  return {
    'Control.Ping': { reply: EmptyStructType, handle: () => ({}) },
    'Control.Quit': {
      reply: EmptyStructType,
      handle: () => {
        // Reply first; the host waits 2 s for the exit before SIGKILL.
        setImmediate(() => deps.quit());
        return {};
      },
    },
    'Dispenser.Dispense': {
      reply: t.uint,
      handle: (name) => {
        if (name !== 'hooks') throw new Error(`unknown plugin type: ${JSON.stringify(name)}`);
        return deps.dispenseHooks();
      },
    },
  };
}
