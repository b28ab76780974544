import { StateHistory } from './state-history';

test('remembers when the state last changed and the last error until a connection works', () => {
  let now = 100;
  const h = new StateHistory(() => now);
  expect(h.snapshot()).toEqual({ changedAt: 100 });
  now = 200;
  h.record({ status: 'error', reason: 'Gateway login failed: wrong token', retrying: true });
  now = 300;
  h.record({ status: 'connecting', url: 'ws://gw' });
  expect(h.snapshot()).toEqual({ changedAt: 300, lastError: { reason: 'Gateway login failed: wrong token', at: 200 } });
  now = 400;
  h.record({ status: 'connected', gatewayVersion: '1', scopes: [], deviceId: 'd', authMethod: 'token' });
  expect(h.snapshot()).toEqual({ changedAt: 400 });
});
