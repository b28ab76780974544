// Jest glue: one test bed per test file, started in beforeAll and always
// stopped in afterAll (the process hooks in proc.ts and the watchdogs cover
// crashes). Tests read the bed lazily because it exists only after beforeAll.
import { basename } from 'node:path';
import { keepLogs } from './keep-logs';
import { startTestBed, type StartOptions, type TestBed } from './testbed';

/** Startup covers a possible first-time server build, hence the long timeout. */
const START_TIMEOUT_MS = Number(process.env.OPENCLAW_TESTBED_START_TIMEOUT_MS ?? 60 * 60 * 1000);

export function useTestBed(opts: StartOptions = {}): () => TestBed {
  let bed: TestBed | undefined;
  beforeAll(async () => {
    bed = await startTestBed(opts);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    const testFile = basename(expect.getState().testPath ?? 'e2e');
    const kept = keepLogs(bed?.dir, testFile);
    if (kept) process.stderr.write(`[testbed] server logs of ${testFile}: ${kept}\n`);
    await bed?.stop();
  }, 60_000);
  return () => {
    if (!bed) throw new Error('the test bed did not start (see the beforeAll error)');
    return bed;
  };
}
