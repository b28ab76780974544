import { performance } from 'node:perf_hooks';
import { Flag, FrameType, GoAwayCode } from './constants';
import { YamuxProtocolError, YamuxSessionClosedError } from './errors';
import { encodeHeader } from './frame';
import { FakePeer, tick } from './testing/fake-peer';

const isGoAway = (code: number) => (f: { type: number; length: number }) =>
  f.type === FrameType.GoAway && f.length === code;

describe('YamuxSession (server role)', () => {
  it('ACKs incoming SYNs immediately and accepts streams in order', async () => {
    const { session, peer } = FakePeer.create();
    peer.openStream(1);
    peer.openStream(3);
    peer.send(FrameType.Data, Flag.SYN, 5, 2, Buffer.from('hi')); // SYN riding on Data
    for (const id of [1, 3, 5]) {
      const ack = await peer.next((f) => f.streamId === id);
      expect(ack).toMatchObject({ type: FrameType.WindowUpdate, flags: Flag.ACK, length: 0 });
    }
    expect((await session.accept()).id).toBe(1);
    expect((await session.accept()).id).toBe(3);
    const s5 = await session.accept();
    expect(s5.id).toBe(5);
    expect(s5.read()?.toString()).toBe('hi');
    await session.close();
  });

  it('echoes a ping SYN with an ACK carrying the same value', async () => {
    const { session, peer } = FakePeer.create();
    peer.send(FrameType.Ping, Flag.SYN, 0, 0xcafef00d);
    const pong = await peer.next();
    expect(pong).toMatchObject({ type: FrameType.Ping, flags: Flag.ACK, streamId: 0, length: 0xcafef00d });
    await session.close();
  });

  it('measures RTT of its own pings up to the ACK with the same value (others are ignored)', async () => {
    const { session, peer } = FakePeer.create();
    const started = performance.now();
    const rtt = session.ping();
    const syn = await peer.next((f) => f.type === FrameType.Ping);
    expect(syn.flags).toBe(Flag.SYN);
    peer.send(FrameType.Ping, Flag.ACK, 0, (syn.length + 1) >>> 0); // late or forged: not ours
    await tick(40);
    peer.send(FrameType.Ping, Flag.ACK, 0, syn.length);
    const ms = await rtt;
    // At least the 40 ms the peer sat on it (timers may fire a millisecond early), at most the wall time.
    expect(ms).toBeGreaterThanOrEqual(35);
    expect(ms).toBeLessThanOrEqual(performance.now() - started);
    await session.close();
  });

  it('a ping still waiting when the session closes is rejected, not left hanging', async () => {
    const { session, peer } = FakePeer.create();
    const rtt = session.ping();
    await peer.next((f) => f.type === FrameType.Ping);
    await session.close();
    await expect(rtt).rejects.toThrow();
  });

  it('answers a duplicate SYN with GoAway(protocol error) and ends', async () => {
    const { session, peer } = FakePeer.create();
    peer.openStream(1);
    const s1 = await session.accept();
    peer.openStream(1);
    await peer.next(isGoAway(GoAwayCode.ProtocolError));
    const err = await session.closed;
    expect(err).toBeInstanceOf(YamuxProtocolError);
    expect((err as YamuxProtocolError).code).toBe('duplicate-stream');
    expect(s1.destroyed).toBe(true);
  });

  it.each([
    ['bad version', Buffer.from('070000000000000100000000', 'hex'), 'invalid-version'],
    ['bad type', Buffer.from('000900000000000100000000', 'hex'), 'invalid-type'],
    ['oversized data', encodeHeader(FrameType.Data, Flag.SYN, 1, 256 * 1024 + 1), 'frame-too-large'],
    ['even-id SYN', encodeHeader(FrameType.WindowUpdate, Flag.SYN, 2, 0), 'invalid-stream-id'],
  ])('%s → GoAway(protocol error)', async (_name, bytes, code) => {
    const { session, peer } = FakePeer.create();
    peer.sendRaw(bytes);
    await peer.next(isGoAway(GoAwayCode.ProtocolError));
    expect(await session.closed).toMatchObject({ code });
  });

  it('stops opening streams after a normal GoAway from the peer', async () => {
    const { session, peer } = FakePeer.create();
    peer.send(FrameType.GoAway, 0, 0, GoAwayCode.Normal);
    await peer.roundTrip();
    await expect(session.open()).rejects.toThrow(/go away/);
    expect(session.isClosed).toBe(false);
    await session.close();
  });

  it('ends on a GoAway with an error code', async () => {
    const { session, peer } = FakePeer.create();
    peer.send(FrameType.GoAway, 0, 0, GoAwayCode.InternalError);
    expect(await session.closed).toMatchObject({ code: 'remote-go-away' });
  });

  it('close() sends GoAway(normal), ends the socket and fails pending accept()', async () => {
    const { session, peer } = FakePeer.create();
    const pending = session.accept();
    const closeEvent = new Promise((r) => session.once('close', r));
    await session.close();
    await expect(pending).rejects.toBeInstanceOf(YamuxSessionClosedError);
    await peer.next(isGoAway(GoAwayCode.Normal));
    await expect(closeEvent).resolves.toBeUndefined();
    await peer.until(() => peer.ended, 'the socket ends');
    await expect(session.open()).rejects.toBeInstanceOf(YamuxSessionClosedError);
  });

  it('emits close when the peer ends the socket', async () => {
    const { session, peer } = FakePeer.create();
    peer.openStream(1);
    const s = await session.accept();
    const onClose = jest.fn();
    session.on('close', onClose);
    peer.socket.end();
    expect(await session.closed).toBeUndefined();
    expect(onClose).toHaveBeenCalledWith(undefined);
    expect(s.destroyed).toBe(true);
  });

  it('reports a frame truncated by the peer ending the socket', async () => {
    const { session, peer } = FakePeer.create();
    peer.sendRaw(encodeHeader(FrameType.Data, Flag.SYN, 1, 10).subarray(0, 7));
    peer.socket.end();
    expect(await session.closed).toMatchObject({ code: 'truncated-frame' });
  });

  it('RSTs streams beyond the accept backlog', async () => {
    const { session, peer } = FakePeer.create({ acceptBacklog: 2 });
    peer.openStream(1);
    peer.openStream(3);
    peer.openStream(5);
    const rst = await peer.next((f) => f.streamId === 5);
    expect(rst.flags).toBe(Flag.RST);
    expect(session.streamCount).toBe(2);
    await session.close();
  });

  it('opens streams with even ids, SYN on a zero window update, without waiting for ACK', async () => {
    const { session, peer } = FakePeer.create();
    const a = await session.open();
    const b = await session.open();
    expect([a.id, b.id]).toEqual([2, 4]);
    expect(await peer.next()).toMatchObject({ type: FrameType.WindowUpdate, flags: Flag.SYN, streamId: 2, length: 0 });
    expect(await peer.next()).toMatchObject({ flags: Flag.SYN, streamId: 4 });
    expect(a.isEstablished).toBe(false);
    peer.send(FrameType.WindowUpdate, Flag.ACK, 2, 0);
    await peer.roundTrip();
    expect(a.isEstablished).toBe(true);
    await session.close();
  });

  it('closes the session when an opened stream is never ACKed', async () => {
    const { session, peer } = FakePeer.create({ streamOpenTimeoutMs: 30 });
    await session.open();
    await peer.next(isGoAway(GoAwayCode.InternalError));
    expect(await session.closed).toBeInstanceOf(Error);
  });

  it('ignores frames for unknown streams', async () => {
    const { session, peer } = FakePeer.create();
    peer.sendData(9, Buffer.from('stray'));
    peer.send(FrameType.WindowUpdate, 0, 11, 100);
    peer.send(FrameType.Ping, Flag.SYN, 0, 1);
    await peer.next((f) => f.type === FrameType.Ping);
    expect(session.isClosed).toBe(false);
    await session.close();
  });
});
