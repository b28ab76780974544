// showsReasoning through GatewayLink against a fake gateway: sessions.describe's reasoningLevel.
import { connectedLink, FakeGateway } from './testing/fake-gateway';

const KEY = 'agent:main:mattermost:direct:u1';
const described = (row: Record<string, unknown>) => () => ({ session: { key: KEY, model: 'fake-1', ...row } });

describe('showsReasoning', () => {
  it.each([
    ['on', true],
    ['stream', true],
    ['off', false],
    ['sideways', false],
    [null, false],
  ])('reasoningLevel %p → %p', async (level, shown) => {
    const gw = new FakeGateway().on('sessions.describe', described({ reasoningLevel: level }));
    const link = await connectedLink(gw);
    expect(await link.showsReasoning(KEY)).toBe(shown);
    expect(gw.methodCalls('sessions.describe')).toEqual([{ key: KEY }]);
    await link.stop();
  });

  it('a session without the field, an unknown session, a malformed answer and a disconnected link are all "hidden"', async () => {
    const gw = new FakeGateway().on('sessions.describe', described({}));
    const link = await connectedLink(gw);
    expect(await link.showsReasoning(KEY)).toBe(false);
    gw.on('sessions.describe', () => { throw Object.assign(new Error('Session not found.'), { gatewayCode: 'INVALID_REQUEST' }); });
    expect(await link.showsReasoning(KEY)).toBe(false);
    gw.on('sessions.describe', () => ({ session: { reasoningLevel: 42 } }));
    expect(await link.showsReasoning(KEY)).toBe(false);
    gw.on('sessions.describe', () => ({ sessions: [] }));
    expect(await link.showsReasoning(KEY)).toBe(false);
    gw.on('sessions.describe', described({ reasoningLevel: 'on' }));
    expect(await link.showsReasoning(KEY)).toBe(true);
    await link.stop();
    expect(await link.showsReasoning(KEY)).toBe(false);
  });
});
