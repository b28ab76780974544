import { AnswerTimeoutError, RunAbortedError, type RunOutcome } from '../../gateway';
import { relayCommand, type RelayDeps } from './relay';
import { commandCatalog } from './catalog';
import type { GatewayConnection } from '../gateway-link/connection';
import type { PluginAPI } from '../../mattermost/plugin';
import { until } from '../../testing/until';

const status = commandCatalog.find((c) => c.trigger === 'oc_status')!;
const think = commandCatalog.find((c) => c.trigger === 'oc_think')!;

function fakeApi() {
  const shown: Array<{ op: string; userId: string; post: Record<string, unknown> }> = [];
  const api = {
    sendEphemeralPost: async (userId: string, post: Record<string, unknown>) => { shown.push({ op: 'send', userId, post }); return { ...post, Id: 'eph1', CreateAt: 1700000000000 }; },
    updateEphemeralPost: async (userId: string, post: Record<string, unknown>) => { shown.push({ op: 'update', userId, post }); return post; },
    getChannel: async () => ({ Type: 'D' }),
  } as unknown as PluginAPI;
  return { api, shown };
}

function deps(api: PluginAPI, link: unknown): RelayDeps {
  const connection = { current: link, agentId: 'main', state: (link as { state?: unknown })?.state ?? { status: 'error', reason: 'connection refused at ws://127.0.0.1:1', retrying: true } } as unknown as GatewayConnection;
  return { api, connection, botUserId: () => 'bot1', logError: () => undefined, answerTimeoutMs: 50 };
}

const args = { UserId: 'user1', ChannelId: 'chan1', TriggerId: 'trig1', Command: '/oc_think  high ' };

describe('relayCommand', () => {
  test('acknowledges privately, then replaces the acknowledgement with the answer', async () => {
    const { api, shown } = fakeApi();
    const calls: unknown[][] = [];
    const link = { state: { status: 'connected' }, runSlashCommand: async (...a: unknown[]) => { calls.push(a); return 'Thinking level set to high.'; } };
    await relayCommand(deps(api, link), {}, args, think);
    expect(calls[0][0]).toBe('agent:main:mattermost:direct:user1');
    expect(calls[0][1]).toBe('/think high');
    expect(shown.map((s) => s.op)).toEqual(['send', 'update']);
    expect(shown[0].post.Message).toContain('Asking OpenClaw');
    expect(shown[1].post).toMatchObject({ Id: 'eph1', Message: 'Thinking level set to high.', UserId: 'bot1', ChannelId: 'chan1' });
    expect(shown.every((s) => s.userId === 'user1')).toBe(true);
  });

  test('the same Mattermost request derives the same idempotency key', async () => {
    const keys: unknown[] = [];
    const link = { state: { status: 'connected' }, runSlashCommand: async (_s: string, _c: string, key: string) => { keys.push(key); return 'ok'; } };
    await relayCommand(deps(fakeApi().api, link), {}, args, think);
    await relayCommand(deps(fakeApi().api, link), {}, args, think);
    await relayCommand(deps(fakeApi().api, link), {}, { ...args, TriggerId: 'trig2' }, think);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  test('without a connection the invoker is told at once what to check', async () => {
    const { api, shown } = fakeApi();
    await relayCommand(deps(api, undefined), {}, args, status);
    expect(shown).toHaveLength(1);
    expect(shown[0].post.Message).toContain('not reachable');
    expect(shown[0].post.Message).toContain('connection refused');
    expect(shown[0].post.Message).toContain('System Console');
  });

  test('a slow answer shows a notice, then the answer when it comes', async () => {
    const { api, shown } = fakeApi();
    let finish!: (v: RunOutcome) => void;
    const pending = new Promise<RunOutcome>((r) => { finish = r; });
    const link = {
      state: { status: 'connected' },
      runSlashCommand: async () => { throw new AnswerTimeoutError('late', pending); },
    };
    await relayCommand(deps(api, link), {}, args, status);
    expect(shown[shown.length - 1].post.Message).toContain('has not answered');
    const before = shown.length;
    finish({ status: 'final', text: 'Model: fake', reasoning: '', mediaCount: 0, queued: false });
    await until(() => shown.length > before, 'the late answer is shown');
    expect(shown[shown.length - 1].post.Message).toBe('Model: fake');
  });

  test('an aborted command says so instead of showing the partial text as the answer', async () => {
    const { api, shown } = fakeApi();
    const link = { state: { status: 'connected' }, runSlashCommand: async () => { throw new RunAbortedError('stopped', 'half an ans'); } };
    await relayCommand(deps(api, link), {}, args, status);
    const last = String(shown[shown.length - 1].post.Message);
    expect(last).toContain('stopped `/status high` before it finished');
    expect(last).not.toContain('half an ans');
  });

  test('updates keep the created post (its CreateAt), so clients do not show a 1970 date', async () => {
    const { api, shown } = fakeApi();
    const link = { state: { status: 'connected' }, runSlashCommand: async () => 'ok' };
    await relayCommand(deps(api, link), {}, args, think);
    expect(shown[1].post).toMatchObject({ Id: 'eph1', CreateAt: 1700000000000, Message: 'ok' });
  });

  test('a failure before asking the gateway ends in an error note, never a stuck "Asking" note', async () => {
    const { api, shown } = fakeApi();
    (api as unknown as { getChannel: () => Promise<never> }).getChannel = async () => { throw new Error('channel lookup failed'); };
    const link = { state: { status: 'connected' }, runSlashCommand: async () => 'never' };
    await relayCommand(deps(api, link), {}, args, think);
    expect(shown.map((x) => x.post.Message)).toEqual([expect.stringContaining('channel lookup failed')]);
  });

  test('/oc_help shows our /oc_ commands before the gateway\'s own help', async () => {
    const { api, shown } = fakeApi();
    const help = commandCatalog.find((c) => c.trigger === 'oc_help')!;
    const link = { state: { status: 'connected' }, runSlashCommand: async () => '/status /new /help' };
    await relayCommand(deps(api, link), {}, { ...args, Command: '/oc_help' }, help);
    const text = String(shown[shown.length - 1].post.Message);
    expect(text.indexOf('/oc_status')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('/oc_status')).toBeLessThan(text.indexOf('/status /new /help'));
  });
});

