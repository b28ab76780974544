import { describeState, type LinkState } from '../../gateway';
import { fakeRequest, fakeResponse } from '../../testing/fake-plugin-api';
import { resetDeviceRoute, statusRoute } from './status-routes';

const pairing: LinkState = {
  status: 'pairing-required', requestId: 'r-42', deviceId: 'd'.repeat(64), approveCommand: 'openclaw devices approve r-42', pairingReason: 'not-paired',
};
const connecting: LinkState = { status: 'connecting', url: 'wss://gw.example.com' };

test('status answers the link state as it is now, plus the one-line summary', async () => {
  const connection: { state: LinkState } = { state: { status: 'disabled', reason: 'the gateway URL and token are not set yet' } };
  const route = statusRoute(connection);
  const first = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/status', 'admin'), first.res);
  expect(first.answers).toEqual([{ code: 200, body: { ...connection.state, summary: 'disabled: the gateway URL and token are not set yet' } }]);

  connection.state = pairing; // read per request, not captured when the route was made
  const second = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/status', 'admin'), second.res);
  expect(second.answers[0].body).toMatchObject({ status: 'pairing-required', requestId: 'r-42', summary: describeState(pairing) });
  expect((second.answers[0].body as { summary: string }).summary).toContain('openclaw devices approve r-42');
});

test('reset-device answers only after the reset, with the state it left', async () => {
  const events: string[] = [];
  const connection = {
    state: pairing as LinkState,
    async resetDevice() {
      events.push('reset started');
      await Promise.resolve();
      connection.state = connecting;
      events.push('reset done');
    },
  };
  const { res, answers } = fakeResponse();
  const answered = resetDeviceRoute(connection)({}, fakeRequest('POST', '/api/v1/gateway/reset-device', 'admin'), {
    ...res,
    json: (code, body) => { events.push('answered'); res.json(code, body); },
  });
  await answered;
  expect(events).toEqual(['reset started', 'reset done', 'answered']);
  expect(answers).toEqual([{ code: 200, body: { reset: true, state: connecting } }]);
});

test('a failed reset is an error for the caller (500), never a "reset: true"', async () => {
  const connection = { state: pairing, resetDevice: () => Promise.reject(new Error('KV store unavailable')) };
  const { res, answers } = fakeResponse();
  await expect(resetDeviceRoute(connection)({}, fakeRequest('POST', '/api/v1/gateway/reset-device', 'admin'), res)).rejects.toThrow('KV store unavailable');
  expect(answers).toEqual([]);
});
