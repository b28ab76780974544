// commands.list and models.list through GatewayLink against a fake gateway.
import { GatewayLinkError } from './errors';
import { connectedLink, FakeGateway } from './testing/fake-gateway';

// Rows as gateway 2026.9.6 sends them (gateway-probe-2 §Q6), plus a field a newer gateway might add.
const WEATHER = {
  name: 'weather', nativeName: 'weather', textAliases: ['/weather'], description: 'Current weather and forecasts', category: 'tools',
  source: 'skill', scope: 'both', acceptsArgs: true, skillDisplayName: 'Weather', skillModelVisible: true, addedLater: 1,
};
const STATUS = { name: 'status', description: 'Show status', source: 'native', scope: 'both', acceptsArgs: false };

describe('commandsList', () => {
  it('asks for the agent\'s text commands and reads each row (unknown fields dropped)', async () => {
    const gw = new FakeGateway().on('commands.list', () => ({ commands: [WEATHER, STATUS] }));
    const link = await connectedLink(gw);
    expect(await link.commandsList('main')).toEqual([
      { name: 'weather', text: '/weather', description: 'Current weather and forecasts', source: 'skill', acceptsArgs: true },
      { name: 'status', text: '/status', description: 'Show status', source: 'native', acceptsArgs: false },
    ]);
    expect(gw.methodCalls('commands.list')).toEqual([{ agentId: 'main', scope: 'text' }]);
    await link.stop();
  });

  it('an answer outside the protocol is an error, never an empty list', async () => {
    const gw = new FakeGateway().on('commands.list', () => ({ commands: [{ name: 'x' }] }));
    const link = await connectedLink(gw);
    await expect(link.commandsList('main')).rejects.toBeInstanceOf(GatewayLinkError);
    await link.stop();
  });
});

describe('modelsList', () => {
  it('reads models with their thinking levels', async () => {
    const gw = new FakeGateway().on('models.list', () => ({ models: [
      { id: 'fake-1', name: 'Fake Model', provider: 'fake', reasoning: true, thinkingLevels: [{ id: 'off', label: 'Off' }, { id: 'high', label: 'High' }],
        thinkingDefault: 'off', tags: ['default'] },
      { id: 'other', name: 'Other', provider: 'acme', alias: 'o' },
    ] }));
    const link = await connectedLink(gw);
    expect(await link.modelsList('main')).toEqual([
      { id: 'fake-1', name: 'Fake Model', provider: 'fake', thinkingLevels: [{ id: 'off', label: 'Off' }, { id: 'high', label: 'High' }], thinkingDefault: 'off',
        isDefault: true },
      { id: 'other', name: 'Other', provider: 'acme', alias: 'o', thinkingLevels: [], isDefault: false },
    ]);
    expect(gw.methodCalls('models.list')).toEqual([{ agentId: 'main' }]);
    await link.stop();
  });

  it('fails at once while not connected', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    await link.stop();
    await expect(link.modelsList('main')).rejects.toMatchObject({ code: 'not-connected' });
  });
});

describe('thinkingLevels', () => {
  const KEY = 'agent:main:mattermost:direct:u1';
  const MODELS = { models: [
    { id: 'a', name: 'A', provider: 'p', thinkingLevels: [{ id: 'off', label: 'off' }] },
    { id: 'b', name: 'B', provider: 'p', tags: ['default'], thinkingLevels: [{ id: 'low', label: 'low' }, { id: 'high', label: 'high' }] },
  ] };

  it('are those of the model the session uses now', async () => {
    const gw = new FakeGateway()
      .on('sessions.describe', () => ({ session: { key: KEY, model: 'a', thinkingLevels: [{ id: 'off', label: 'off' }, { id: 'minimal', label: 'minimal' }] } }))
      .on('models.list', () => MODELS);
    const link = await connectedLink(gw);
    expect(await link.thinkingLevels(KEY, 'main')).toEqual([{ id: 'off', label: 'off' }, { id: 'minimal', label: 'minimal' }]);
    expect(gw.methodCalls('sessions.describe')).toEqual([{ key: KEY }]);
    expect(gw.methodCalls('models.list')).toEqual([]);
    await link.stop();
  });

  it('for a session the gateway does not know yet, those of the default model', async () => {
    const gw = new FakeGateway()
      .on('sessions.describe', () => { throw Object.assign(new Error('Session not found.'), { gatewayCode: 'INVALID_REQUEST' }); })
      .on('models.list', () => MODELS);
    const link = await connectedLink(gw);
    expect(await link.thinkingLevels(KEY, 'main')).toEqual([{ id: 'low', label: 'low' }, { id: 'high', label: 'high' }]);
    await link.stop();
  });
});
