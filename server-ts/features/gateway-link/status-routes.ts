// Admin endpoints for the gateway connection: the status page data and the device reset.
import { describeState } from '../../gateway';
import type { Route } from '../http/router';
import type { GatewayConnection } from './connection';

/** `extras` lets other features add their own block (e.g. `conversations`) to the status. */
export function statusRoute(connection: Pick<GatewayConnection, 'state'>, extras: () => Record<string, unknown> = () => ({})): Route {
  return (_ctx, _req, res) => {
    const state = connection.state;
    res.json(200, { ...state, summary: describeState(state), ...extras() });
  };
}

export function resetDeviceRoute(connection: Pick<GatewayConnection, 'state' | 'resetDevice'>): Route {
  return async (_ctx, _req, res) => {
    await connection.resetDevice();
    res.json(200, { reset: true, state: connection.state });
  };
}
