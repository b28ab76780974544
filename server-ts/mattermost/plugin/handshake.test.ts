import { handshakeLine, launchedByHost, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, socketPath } from './handshake';

describe('go-plugin handshake', () => {
  test('line has core and app protocol 1, unix network, netrpc, no server cert', () => {
    expect(handshakeLine('/tmp/pluginabc')).toBe('1|1|unix|/tmp/pluginabc|netrpc|\n');
  });

  test('requires the exact Mattermost magic cookie', () => {
    expect(launchedByHost({ [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE })).toBe(true);
    expect(launchedByHost({ [MAGIC_COOKIE_KEY]: 'Securely message teams' })).toBe(false);
    expect(launchedByHost({})).toBe(false);
  });

  test('socket paths are unique and short enough for sun_path', () => {
    const a = socketPath('/tmp');
    const b = socketPath('/tmp');
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThan(104);
  });
});
