import { serverLogger, type LogAPI } from './server-logger';

type Line = { level: string; message: string; fields: Record<string, unknown> | undefined };

function fakeLogApi(fail = false): LogAPI & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
    return fail ? Promise.reject(new Error('server gone')) : Promise.resolve();
  };
  return { lines, logDebug: at('debug'), logInfo: at('info'), logWarn: at('warn'), logError: at('error') };
}

test('each logger prefixes its own source, at the level it was called with', () => {
  const api = fakeLogApi();
  serverLogger(api, 'gateway').info('connected');
  serverLogger(api, 'commands').error('relaying /oc_status failed');
  expect(api.lines.map((l) => `${l.level} ${l.message}`)).toEqual([
    'info gateway: connected',
    'error commands: relaying /oc_status failed',
  ]);
});

test('undefined fields are dropped (the server log would print them as null)', () => {
  const api = fakeLogApi();
  serverLogger(api, 'gateway').warn('retrying', { attempt: 2, reason: undefined });
  expect(api.lines[0].fields).toEqual({ attempt: 2 });
});

test('a failing log call neither throws nor leaves an unhandled rejection', async () => {
  const api = fakeLogApi(true);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    expect(() => serverLogger(api, 'http').debug('x')).not.toThrow();
    // Two macrotask turns: long enough for Node to report a rejection nobody handled.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(api.lines).toHaveLength(1);
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
