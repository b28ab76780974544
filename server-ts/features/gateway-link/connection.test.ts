import { MemoryDeviceStore, type LinkState } from '../../gateway';
import { GatewayConnection } from './connection';
import { readPluginConfig } from './plugin-config';
import { until } from '../../testing/until';

/** Counts gateway clients that were started and not yet stopped, and the most ever live at once. */
const live = { clients: 0, most: 0 };
const clientFactory = () => ({
  start() { live.most = Math.max(live.most, ++live.clients); },
  async stopAndWait() { live.clients--; },
  async request<T>(): Promise<T> { throw new Error('no gateway in unit tests'); },
});

function connection() {
  const lines: string[] = [];
  const log = (m: string) => { lines.push(m); };
  const conn = new GatewayConnection({
    store: new MemoryDeviceStore(),
    logger: { debug: log, info: log, warn: log, error: log },
    displayName: () => 'Mattermost test',
    clientVersion: '0.0.0-test',
    linkOptions: { clientFactory },
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

  test('overlapping applies run one at a time: one link, with the newest settings', async () => {
    const { conn } = connection();
    const a = readPluginConfig({ GatewayURL: 'ws://127.0.0.1:9', GatewayToken: 'token-a' });
    const b = readPluginConfig({ GatewayURL: 'ws://127.0.0.1:9', GatewayToken: 'token-b', AgentId: 'Ops' });
    live.clients = 0;
    live.most = 0;
    await Promise.all([conn.apply(a), conn.apply(a), conn.apply(b)]);
    await until(() => live.clients > 0, "the newest link's first connection attempt starts");
    expect(live.most).toBe(1);
    expect(conn.agentId).toBe('ops');
    await conn.stop();
    expect(conn.current).toBeUndefined();
    expect(live.clients).toBe(0);
  });

  test('a token pasted into the URL field never reaches the status or the log', async () => {
    const { conn, lines } = connection();
    const token = '6f1c2a9be0d84b5f9a3e7c11d2f0a8b4';
    await conn.apply(readPluginConfig({ GatewayURL: token, GatewayToken: token }));
    expect(conn.state.status).toBe('error');
    expect(JSON.stringify(conn.state)).not.toContain(token);
    expect(lines.join('\n')).not.toContain(token);
    expect((conn.state as { reason: string }).reason).toContain('not a URL');
  });
});

