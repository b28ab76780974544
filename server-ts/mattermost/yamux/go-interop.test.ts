// Real interop: hashicorp/yamux v0.1.1 (the version Mattermost ships) as the
// client, our session as the server, over a unix socket. The Go side's script
// is described in test/yamux-interop/main.go. Go is required (CI has it).

import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { MuxBroker, readExactly } from '../broker';
import { YamuxSession } from './session';
import type { YamuxStream } from './stream';

const repoRoot = resolve(__dirname, '../../..');
const workDir = join(repoRoot, 'test/.work');
const binary = join(workDir, 'yamux-interop');
const goBin = process.env.GO ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go');

const BROKER_STREAMS = 4;
const SIZE = 4 * 1024 * 1024;
const TS_STREAMS = 2;
const TS_SIZE = 1024 * 1024;

const sha = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** What the Go client prints when it is done (test/yamux-interop/main.go, type report). */
interface InteropReport {
  streams: number;
  bytesEachWay: number;
  transferMs: number;
  upMiBps: number;
  downMiBps: number;
  pings: number;
  pingAvgMs: number;
  pingP99Ms: number;
  pingMaxMs: number;
  tsStreamsSeen: number;
  tsStreamIds: number[];
}

/** Server half of one Go "exchange" broker stream: size bytes each way, then both checksums. */
async function exchange(stream: YamuxStream): Promise<void> {
  const size = (await readExactly(stream, 4, 'size')).readUInt32LE(0);
  const ours = randomBytes(size);
  const received = createHash('sha256');
  let got = 0;
  const done = new Promise<void>((resolveDone, reject) => {
    stream.on('data', (chunk: Buffer) => {
      received.update(chunk);
      got += chunk.length;
      if (got === size) resolveDone();
    });
    stream.once('error', reject);
  });
  stream.on('end', () => stream.end());
  stream.write(ours);
  await done;
  stream.write(Buffer.concat([received.digest(), sha(ours)]));
}

/** A stream we open towards Go (like dialing the host's API broker id). */
async function dialAndSend(broker: MuxBroker, id: number): Promise<void> {
  const stream = await broker.dial(id);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(TS_SIZE);
  const body = randomBytes(TS_SIZE);
  stream.write(size);
  stream.write(body);
  const sum = await readExactly(stream, 32, 'checksum');
  expect(sum.equals(sha(body))).toBe(true);
  stream.end();
}

async function serve(session: YamuxSession): Promise<{ tsPingsMs: number[]; ids: number[] }> {
  const control = await session.accept();
  const stdout = await session.accept();
  const stderr = await session.accept();
  control.pipe(control);
  stdout.write('hello from stdout\n');
  stderr.write('hello from stderr\n');
  const broker = new MuxBroker(session);
  void broker.run();
  const ids = [control.id, stdout.id, stderr.id];
  const work: Promise<void>[] = [];
  for (let i = 0; i < BROKER_STREAMS; i++) {
    const id = broker.nextId();
    work.push(broker.accept(id, 30_000).then((s) => (ids.push(s.id), exchange(s))));
  }
  for (let i = 0; i < TS_STREAMS; i++) work.push(dialAndSend(broker, 100 + i));
  const tsPingsMs: number[] = [];
  let finished = false;
  const allWork = Promise.all(work).finally(() => (finished = true));
  // Go hangs up right after its last stream, so only ping while work is in flight.
  const pinging = (async () => {
    while (!finished) {
      tsPingsMs.push(await session.ping(5_000));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await Promise.all([allWork, pinging]);
  return { tsPingsMs, ids };
}

describe('yamux interop with hashicorp/yamux v0.1.1 (Go client)', () => {
  let dir: string;
  let server: Server;

  beforeAll(() => {
    mkdirSync(workDir, { recursive: true });
    execFileSync(goBin, ['build', '-o', binary, '.'], {
      cwd: join(repoRoot, 'test/yamux-interop'),
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, GOFLAGS: '-mod=readonly' },
    });
    dir = mkdtempSync(join(tmpdir(), 'yamux-interop-'));
  }, 180_000);

  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the full script: echo, 4×4 MiB each way, pings, TS-opened streams, go-away', async () => {
    const socketPath = join(dir, 'plugin.sock');
    const connected = new Promise<Socket>((resolveSocket) => {
      server = createServer((socket) => resolveSocket(socket));
    });
    await new Promise<void>((r) => server.listen(socketPath, r));

    const child = spawn(binary, ['-socket', socketPath, '-streams', String(BROKER_STREAMS), '-size', String(SIZE), '-ts-streams', String(TS_STREAMS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errText = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (errText += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

    const session = new YamuxSession(await connected);
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const served = await serve(session);
    lag.disable();
    const code = await exited;
    expect({ code, errText }).toEqual({ code: 0, errText: '' });
    // Go sent GoAway and closed: the session must notice so the process could exit.
    await expect(session.closed).resolves.toBeUndefined();

    const report = JSON.parse(out.trim()) as InteropReport;
    expect(served.ids.slice(0, 3)).toEqual([1, 3, 5]);
    expect(report.tsStreamIds).toEqual([2, 4]);
    expect(report.tsStreamsSeen).toBe(TS_STREAMS);
    expect(report.bytesEachWay).toBe(BROKER_STREAMS * SIZE);
    expect(report.pings).toBeGreaterThan(5);
    // The host's keepalive deadline is 10 s; stay far below it even under CI load.
    expect(report.pingMaxMs).toBeLessThan(2_000);
    const tsAvg = served.tsPingsMs.reduce((a, b) => a + b, 0) / served.tsPingsMs.length;
    console.log(
      `yamux interop: ${report.bytesEachWay / 2 ** 20} MiB each way over ${report.streams} streams in ${report.transferMs} ms ` +
        `(${report.upMiBps.toFixed(1)} MiB/s per direction); Go→TS ping avg ${report.pingAvgMs} ms, p99 ${report.pingP99Ms} ms, ` +
        `max ${report.pingMaxMs} ms over ${report.pings} pings during transfer; TS→Go ping avg ${tsAvg.toFixed(2)} ms max ${Math.max(...served.tsPingsMs).toFixed(1)} ms; ` +
        `TS event-loop delay max ${(lag.max / 1e6).toFixed(1)} ms`,
    );
  }, 120_000);
});
