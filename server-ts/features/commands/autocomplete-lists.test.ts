import type { GatewayLink, GatewayModel, ThinkingLevel } from '../../gateway';
import type { PluginRequest, PluginResponse } from '../../mattermost/plugin';
import { AutocompleteLists } from './autocomplete-lists';
import { autocompleteRoute } from './autocomplete-route';

const MODELS: GatewayModel[] = [
  { id: 'fake-1', name: 'Fake Model', provider: 'fake', thinkingLevels: [], isDefault: true },
  { id: 'fake-2', name: 'Fake Two', provider: 'fake', alias: 'two', thinkingLevels: [], isDefault: false },
  { id: 'gpt-x', name: 'GPT X', provider: 'openai', thinkingLevels: [], isDefault: false },
];

function fakeLink(opts: { models?: () => Promise<GatewayModel[]>; levels?: (key: string) => Promise<ThinkingLevel[]> } = {}) {
  const calls: string[] = [];
  const link = {
    state: { status: 'connected' },
    modelsList: (agentId: string) => { calls.push(`models ${agentId}`); return opts.models?.() ?? Promise.resolve(MODELS); },
    thinkingLevels: (key: string, agentId: string) => {
      calls.push(`thinking ${key} ${agentId}`);
      return opts.levels?.(key) ?? Promise.resolve([{ id: 'off', label: 'off' }, { id: 'high', label: 'Deep' }]);
    },
  };
  return { link, calls };
}

function lists(link: unknown, clock = { t: 0 }, waitMs = 2_500) {
  return new AutocompleteLists({ link: () => link as GatewayLink | undefined, agentId: () => 'main', now: () => clock.t, waitMs });
}

describe('autocomplete lists', () => {
  test('models: provider/id with the alias as hint and the default marked', async () => {
    const { link } = fakeLink();
    expect(await lists(link).items('models', '')).toEqual([
      { Item: 'fake/fake-1', Hint: '', HelpText: 'Fake Model (default)' },
      { Item: 'fake/fake-2', Hint: 'alias two', HelpText: 'Fake Two' },
      { Item: 'openai/gpt-x', Hint: '', HelpText: 'GPT X' },
    ]);
  });

  test('providers: one row each, with its models', async () => {
    const { link } = fakeLink();
    expect(await lists(link).items('providers', '')).toEqual([
      { Item: 'fake', Hint: '', HelpText: '2 models: fake-1, fake-2' },
      { Item: 'openai', Hint: '', HelpText: '1 model: gpt-x' },
    ]);
  });

  test('thinking: the levels of the session\'s model', async () => {
    const { link, calls } = fakeLink();
    expect(await lists(link).items('thinking', 'agent:main:mattermost:direct:u1')).toEqual([
      { Item: 'off', Hint: '', HelpText: 'Thinking level off' }, { Item: 'high', Hint: '', HelpText: 'Deep' },
    ]);
    expect(calls).toEqual(['thinking agent:main:mattermost:direct:u1 main']);
  });

  test('answers from the cache for 30 s (models and providers share it), then asks again', async () => {
    const { link, calls } = fakeLink();
    const clock = { t: 0 };
    const l = lists(link, clock);
    await l.items('models', '');
    clock.t = 29_000;
    await l.items('providers', '');
    await l.items('models', '');
    expect(calls).toEqual(['models main']);
    clock.t = 31_000;
    await l.items('models', '');
    expect(calls).toEqual(['models main', 'models main']);
  });

  test('a slow gateway gives an empty list within the deadline; a failed read is not cached', async () => {
    let fail = true;
    const { link, calls } = fakeLink({ models: () => (fail ? Promise.reject(new Error('timeout')) : Promise.resolve(MODELS)) });
    const l = lists(link);
    expect(await l.items('models', '')).toEqual([]);
    fail = false;
    expect(await l.items('models', '')).toHaveLength(3);
    expect(calls).toHaveLength(2);
    const slow = fakeLink({ models: () => new Promise(() => undefined) });
    const started = Date.now();
    expect(await lists(slow.link, { t: 0 }, 50).items('models', '')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('no link or not connected: empty, without asking', async () => {
    expect(await lists(undefined).items('models', '')).toEqual([]);
    const { link, calls } = fakeLink();
    link.state = { status: 'connecting' };
    expect(await lists(link).items('thinking', 'k')).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('autocomplete route', () => {
  const CH = 'c'.repeat(26);
  const ROOT = 'r'.repeat(26);
  function call(list: 'models' | 'thinking', query: Record<string, string>, channelType = 'O', userId = 'u'.repeat(26)) {
    const { link, calls } = fakeLink();
    let answer: { code: number; body: unknown } | undefined;
    const req = { userId, query: new URLSearchParams(query) } as unknown as PluginRequest;
    const res = { json: (code: number, body: unknown) => { answer = { code, body }; } } as unknown as PluginResponse;
    const route = autocompleteRoute({
      api: {
        getChannel: async (id: string) => { if (id !== CH) throw new Error('not found'); return { Type: channelType }; },
        getChannelMember: async (id: string, user: string) => {
          if (id !== CH || user !== 'u'.repeat(26)) throw new Error('channel member not found');
          return { ChannelId: id, UserId: user };
        },
      },
      lists: lists(link), agentId: () => 'main', logDebug: () => undefined,
    }, list);
    return Promise.resolve(route({}, req, res)).then(() => ({ answer, calls }));
  }

  test('thinking: the session of the conversation (thread included) the user types in', async () => {
    const { answer, calls } = await call('thinking', { channel_id: CH, root_id: ROOT, user_input: 'oc_think h' });
    expect(calls).toEqual([`thinking agent:main:mattermost:channel:${CH}:thread:${ROOT} main`]);
    expect(answer).toEqual({ code: 200, body: [{ Item: 'off', Hint: '', HelpText: 'Thinking level off' }, { Item: 'high', Hint: '', HelpText: 'Deep' }] });
    const dm = await call('thinking', { channel_id: CH, root_id: '' }, 'D');
    expect(dm.calls).toEqual([`thinking agent:main:mattermost:direct:${'u'.repeat(26)} main`]);
  });

  test('hostile or unknown query values get an empty list and ask nobody', async () => {
    const queries: Array<Record<string, string>> = [{}, { channel_id: '../../x' }, { channel_id: CH, root_id: 'x'.repeat(5000) }, { channel_id: 'd'.repeat(26) }];
    for (const query of queries) {
      const { answer, calls } = await call('thinking', query);
      expect(answer).toEqual({ code: 200, body: [] });
      expect(calls).toEqual([]);
    }
  });

  test('someone outside the conversation learns nothing of its session', async () => {
    const { answer, calls } = await call('thinking', { channel_id: CH }, 'O', 'x'.repeat(26));
    expect(answer).toEqual({ code: 200, body: [] });
    expect(calls).toEqual([]);
  });

  test('models need no conversation', async () => {
    const { answer } = await call('models', {});
    expect((answer?.body as unknown[]).length).toBe(3);
  });
});
