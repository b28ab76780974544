import { createHash, randomBytes } from 'node:crypto';
import { Flag, FrameType, GoAwayCode, INITIAL_STREAM_WINDOW } from './constants';
import { FakePeer, tick } from './testing/fake-peer';
import { YamuxStream } from './stream';

const KiB = 1024;

async function acceptedStream(options?: Parameters<typeof FakePeer.create>[0]) {
  const { session, peer } = FakePeer.create(options);
  peer.openStream(1);
  const stream = await session.accept();
  await peer.next((f) => f.streamId === 1 && f.flags === Flag.ACK);
  return { session, peer, stream };
}

describe('YamuxStream', () => {
  it('never sends more than the peer window and resumes on WindowUpdate', async () => {
    const { session, peer, stream } = await acceptedStream();
    const body = randomBytes(600 * KiB);
    let finished = false;
    stream.write(body, () => (finished = true));
    await peer.until(() => peer.dataBytes(1) >= INITIAL_STREAM_WINDOW, 'the first window is sent');
    await peer.roundTrip();
    expect(peer.dataBytes(1)).toBe(INITIAL_STREAM_WINDOW);
    expect(finished).toBe(false);
    peer.send(FrameType.WindowUpdate, 0, 1, 100 * KiB);
    await peer.until(() => peer.dataBytes(1) >= INITIAL_STREAM_WINDOW + 100 * KiB, 'the granted 100 KiB are sent');
    await peer.roundTrip();
    expect(peer.dataBytes(1)).toBe(INITIAL_STREAM_WINDOW + 100 * KiB);
    peer.send(FrameType.WindowUpdate, 0, 1, 1024 * KiB);
    await peer.until(() => finished, 'the write completes');
    const sent = Buffer.concat(peer.frames.filter((f) => f.type === FrameType.Data).map((f) => f.payload!));
    expect(sent.equals(body)).toBe(true);
    // Frames are capped so pings never queue behind one huge frame.
    expect(Math.max(...peer.frames.map((f) => (f.type === FrameType.Data ? f.length : 0)))).toBe(64 * KiB);
    await session.close();
  });

  it('grants window only as the application consumes (delta >= max/2)', async () => {
    const { session, peer, stream } = await acceptedStream();
    const chunk = Buffer.alloc(64 * KiB, 7);
    for (let i = 0; i < 4; i++) peer.sendData(1, chunk); // exactly the initial window
    await peer.roundTrip();
    expect(peer.windowGranted(1)).toBe(INITIAL_STREAM_WINDOW); // nothing read yet
    expect(stream.read(100 * KiB)?.length).toBe(100 * KiB);
    await peer.roundTrip();
    expect(peer.windowGranted(1)).toBe(INITIAL_STREAM_WINDOW); // 100 KiB < 128 KiB: still no update
    expect(stream.read(60 * KiB)?.length).toBe(60 * KiB);
    const update = await peer.next((f) => f.type === FrameType.WindowUpdate && f.streamId === 1);
    expect(update.length).toBeGreaterThanOrEqual(128 * KiB);
    expect(update.length).toBeLessThanOrEqual(160 * KiB);
    await session.close();
  });

  it('keeps a flowing reader fed across many windows', async () => {
    const { session, peer, stream } = await acceptedStream();
    const body = randomBytes(2 * 1024 * KiB);
    const received: Buffer[] = [];
    stream.on('data', (c: Buffer) => received.push(c));
    let sent = 0;
    while (sent < body.length) {
      const window = peer.windowGranted(1) - sent;
      if (window === 0) {
        await tick(2);
        continue;
      }
      const n = Math.min(window, 32 * KiB, body.length - sent);
      peer.sendData(1, body.subarray(sent, sent + n));
      sent += n;
      await tick(0);
    }
    peer.send(FrameType.WindowUpdate, Flag.FIN, 1, 0);
    await new Promise((r) => stream.once('end', r));
    expect(Buffer.concat(received).equals(body)).toBe(true);
    await session.close();
  });

  it('treats data beyond the receive window as a protocol error', async () => {
    const { session, peer } = await acceptedStream();
    peer.sendData(1, Buffer.alloc(200 * KiB));
    peer.sendData(1, Buffer.alloc(100 * KiB));
    await peer.next((f) => f.type === FrameType.GoAway && f.length === GoAwayCode.ProtocolError);
    expect(await session.closed).toMatchObject({ code: 'window-exceeded' });
  });

  it('half-closes: peer FIN ends our readable, we can still write, end() sends FIN', async () => {
    const { session, peer, stream } = await acceptedStream();
    peer.sendData(1, Buffer.from('request'), Flag.FIN);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await new Promise((r) => stream.once('end', r));
    expect(Buffer.concat(chunks).toString()).toBe('request');
    stream.end('response');
    const data = await peer.next((f) => f.type === FrameType.Data);
    expect(data.payload?.toString()).toBe('response');
    const fin = await peer.next((f) => (f.flags & Flag.FIN) !== 0);
    expect(fin).toMatchObject({ type: FrameType.WindowUpdate, streamId: 1, length: 0 });
    await peer.until(() => stream.destroyed, 'the stream is destroyed');
    await peer.roundTrip();
    expect(session.streamCount).toBe(0);
    expect(peer.frames.some((f) => f.flags & Flag.RST)).toBe(false);
    await session.close();
  });

  it('our FIN first, then the peer FIN closes the stream cleanly', async () => {
    const { session, peer, stream } = await acceptedStream();
    stream.resume();
    stream.end();
    await peer.next((f) => (f.flags & Flag.FIN) !== 0);
    expect(session.streamCount).toBe(1);
    const closed = new Promise((r) => stream.once('close', r));
    peer.send(FrameType.Data, Flag.FIN, 1, 0);
    await closed;
    expect(session.streamCount).toBe(0);
    await session.close();
  });

  it('RSTs a stream whose peer never FINs back after the close timeout', async () => {
    const { session, peer, stream } = await acceptedStream({ streamCloseTimeoutMs: 30 });
    stream.end();
    await peer.next((f) => (f.flags & Flag.FIN) !== 0);
    expect(await peer.next((f) => f.streamId === 1)).toMatchObject({ flags: Flag.RST });
    await session.close();
  });

  it('a peer RST errors the stream with ECONNRESET and sends nothing back', async () => {
    const { session, peer, stream } = await acceptedStream();
    const error = new Promise<NodeJS.ErrnoException>((r) => stream.once('error', r));
    const pendingWrite = new Promise<Error | null | undefined>((r) => stream.write(Buffer.alloc(300 * KiB), r));
    await peer.until(() => peer.dataBytes(1) >= INITIAL_STREAM_WINDOW, 'the write waits for window');
    peer.send(FrameType.WindowUpdate, Flag.RST, 1, 0);
    expect((await error).code).toBe('ECONNRESET');
    expect(await pendingWrite).toBeInstanceOf(Error);
    await peer.roundTrip();
    expect(peer.frames.some((f) => f.flags & Flag.RST)).toBe(false);
    expect(session.streamCount).toBe(0);
    await session.close();
  });

  it('destroy() sends RST and later frames for the stream are ignored', async () => {
    const { session, peer, stream } = await acceptedStream();
    stream.destroy();
    expect(await peer.next((f) => f.streamId === 1)).toMatchObject({ type: FrameType.WindowUpdate, flags: Flag.RST });
    peer.sendData(1, Buffer.from('late'));
    peer.send(FrameType.Ping, Flag.SYN, 0, 5);
    await peer.next((f) => f.type === FrameType.Ping);
    expect(session.isClosed).toBe(false);
    await session.close();
  });

  it('echoes pings promptly while 1 MiB flows in each direction', async () => {
    const { session, peer, stream } = await acceptedStream();
    const outgoing = randomBytes(1024 * KiB);
    const incoming = randomBytes(1024 * KiB);
    const got = createHash('sha256');
    let gotBytes = 0;
    stream.on('data', (c: Buffer) => {
      got.update(c);
      gotBytes += c.length;
    });
    stream.write(outgoing);
    const rtts: number[] = [];
    let sent = 0;
    let pingId = 100;
    while (sent < incoming.length || peer.dataBytes(1) < outgoing.length) {
      // Peer keeps our window open, as the Go host does while reading.
      peer.send(FrameType.WindowUpdate, 0, 1, peer.dataBytes(1) > 0 ? 64 * KiB : 0);
      const window = peer.windowGranted(1) - sent;
      const n = Math.min(window, 128 * KiB, incoming.length - sent);
      if (n > 0) {
        peer.sendData(1, incoming.subarray(sent, sent + n));
        sent += n;
      }
      const id = pingId++;
      const t0 = performance.now();
      peer.send(FrameType.Ping, Flag.SYN, 0, id);
      await peer.next((f) => f.type === FrameType.Ping && f.length === id, 1000);
      rtts.push(performance.now() - t0);
    }
    await peer.until(() => gotBytes >= incoming.length, 'all incoming bytes are read');
    expect(gotBytes).toBe(incoming.length);
    expect(got.digest('hex')).toBe(createHash('sha256').update(incoming).digest('hex'));
    // Guards against pings queueing behind the transfer; the host's keepalive allows 10 s, and a GC
    // pause or a busy second core on a loaded CI machine can cost a few hundred ms on its own.
    expect(Math.max(...rtts)).toBeLessThan(1_000);
    expect(rtts.length).toBeGreaterThan(4);
    await session.close();
  });
});

describe('YamuxStream without error listeners', () => {
  it('a RST on a stream nobody accepted yet does not throw', async () => {
    const { session, peer } = FakePeer.create();
    peer.openStream(1);
    peer.send(FrameType.WindowUpdate, Flag.RST, 1, 0);
    peer.send(FrameType.Ping, Flag.SYN, 0, 1);
    await peer.next((f) => f.type === FrameType.Ping);
    const s = await session.accept();
    expect(s.destroyed).toBe(true);
    await session.close();
  });
});

describe('YamuxStream errors from a dying session', () => {
  test('a listener removed before the deferred error event does not make the error uncaught', async () => {
    const host = {
      config: { maxStreamWindowSize: 256 * 1024, streamCloseTimeoutMs: 1000 },
      sendFrame: () => undefined, forget: () => undefined,
    } as unknown as ConstructorParameters<typeof YamuxStream>[0];
    const stream = new YamuxStream(host, 2, true);
    const seen: Error[] = [];
    const listener = (err: Error) => seen.push(err);
    stream.on('error', listener);
    stream.abort(undefined);
    stream.off('error', listener); // gone before Node emits 'error' on the next tick
    // 'close' follows 'error' in the same tick: once it is here, the error had its chance to escape.
    await new Promise((r) => (stream.closed ? r(undefined) : stream.once('close', r)));
    expect(stream.destroyed).toBe(true);
  });
});
