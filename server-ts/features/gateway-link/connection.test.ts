import { MemoryDeviceStore, type LinkState } from '../../gateway';
import { GatewayConnection } from './connection';
import { readPluginConfig } from './plugin-config';

function connection() {
  const lines: string[] = [];
  const log = (m: string) => { lines.push(m); };
  const conn = new GatewayConnection({
    store: new MemoryDeviceStore(),
    logger: { debug: log, info: log, warn: log, error: log },
    displayName: () => 'Mattermost test',
    clientVersion: '0.0.0-test',
  });
  const states: LinkState[] = [];
  conn.onStateChange((s) => states.push(s));
  return { conn, lines, states };
}

describe('GatewayConnection', () => {
  test('starts disabled with a reason until settings are entered', async () => {
    const { conn } = connection();
    await conn.apply(readPluginConfig({}));
    expect(conn.state).toEqual({ status: 'disabled', reason: 'the gateway URL and token are not set yet' });
    expect(conn.current).toBeUndefined();
  });

  test.each([
    [{ GatewayURL: 'http://gw.example.com', GatewayToken: 't' }, 'must start with wss://'],
    [{ GatewayURL: 'wss://gw.example.com' }, 'Gateway token is required'],
    [{ GatewayURL: 'ws://gw.example.com', GatewayToken: 't' }, 'public host, use wss://'],
  ])('bad settings %j become an error state that says what is wrong', async (raw, message) => {
    const { conn, lines, states } = connection();
    await conn.apply(readPluginConfig(raw));
    expect(conn.state.status).toBe('error');
    expect((conn.state as { reason: string }).reason).toContain(message);
    expect(lines.join('\n')).toContain(message);
    expect(states).toHaveLength(1);
    await conn.apply(readPluginConfig(raw)); // the same bad settings are not logged twice
    expect(lines).toHaveLength(1);
  });

  test('valid settings start a link; identical settings keep it; a change replaces it', async () => {
    const { conn } = connection();
    const raw = { GatewayURL: 'ws://127.0.0.1:9', GatewayToken: 'token-a' };
    await conn.apply(readPluginConfig(raw));
    const first = conn.current;
    expect(first).toBeDefined();
    await conn.apply(readPluginConfig(raw));
    expect(conn.current).toBe(first);
    await conn.apply(readPluginConfig({ ...raw, GatewayToken: 'token-b' }));
    expect(conn.current).not.toBe(first);
    await conn.stop();
    expect(conn.current).toBeUndefined();
  });
});
