import { describeError, stderrLog } from './stderr-log';

test('stderr lines are single plain "[LEVEL] text" lines, never JSON the host could mis-parse', () => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { written.push(String(chunk)); return true; });
  try {
    stderrLog('ERROR', 'boom\nat line 2\r\nat line 3');
    stderrLog('INFO', '{"@message":42,"@level":1}');
  } finally {
    spy.mockRestore();
  }
  expect(written[0]).toBe('[ERROR] boom at line 2 at line 3\n');
  expect(written[1].startsWith('[INFO] {')).toBe(true);
  for (const line of written) expect(line.trimEnd().includes('\n')).toBe(false);
});

test('describeError shows what was thrown: an Error with its stack, a string as is, anything else inspected', () => {
  expect(describeError(new TypeError('bad'))).toMatch(/^TypeError: bad\n\s+at /);
  expect(describeError('plain text')).toBe('plain text');
  expect(describeError({ code: 7 })).toBe('{ code: 7 }');
  expect(describeError(null)).toBe('null');
});
