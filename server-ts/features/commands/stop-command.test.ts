import type { PluginAPI } from '../../mattermost/plugin';
import type { GatewayConnection } from '../gateway-link/connection';
import { stopCommand } from './stop-command';

function deps(link: unknown, channelType = 'D') {
  const errors: string[] = [];
  const api = { getChannel: async () => ({ Type: channelType }) } as unknown as PluginAPI;
  const connection = { current: link, agentId: 'main', state: { status: 'error', reason: 'connection refused', retrying: true } } as unknown as GatewayConnection;
  return { deps: { api, connection, logError: (m: string) => errors.push(m) }, errors };
}

const args = { UserId: 'u1', ChannelId: 'c1', Command: '/oc_stop' };

describe('/oc_stop', () => {
  test('aborts whatever runs in the conversation\'s session and says so', async () => {
    const calls: unknown[][] = [];
    const link = { state: { status: 'connected' }, abortRun: async (...a: unknown[]) => { calls.push(a); return { aborted: true, runIds: ['r1'] }; } };
    const res = await stopCommand(deps(link).deps, args);
    expect(calls).toEqual([['agent:main:mattermost:direct:u1']]);
    expect(res.ResponseType).toBe('ephemeral');
    expect(res.Text).toBe(':octagonal_sign: Stopped the agent\'s run in this conversation.');
  });

  test('a thread in a channel is its own session', async () => {
    const calls: unknown[][] = [];
    const link = { state: { status: 'connected' }, abortRun: async (...a: unknown[]) => { calls.push(a); return { aborted: false, runIds: [] }; } };
    const res = await stopCommand(deps(link, 'O').deps, { ...args, RootId: 'root1' });
    expect(calls).toEqual([['agent:main:mattermost:channel:c1:thread:root1']]);
    expect(res.Text).toBe('Nothing is running in this conversation.');
  });

  test('not connected: says so without calling the gateway', async () => {
    const res = await stopCommand(deps(undefined).deps, args);
    expect(res.Text).toContain('OpenClaw is not reachable right now: ');
  });

  test('a failed abort is answered and logged, never thrown', async () => {
    const link = { state: { status: 'connected' }, abortRun: async () => { throw new Error('missing scope: operator.write'); } };
    const { deps: d, errors } = deps(link);
    const res = await stopCommand(d, args);
    expect(res.Text).toBe(':x: OpenClaw could not stop the run: missing scope: operator.write');
    expect(errors).toEqual(['/oc_stop failed: missing scope: operator.write']);
  });
});
