import { Flag, FrameType } from '../yamux/constants';
import { FakePeer, tick, type Frame } from '../yamux/testing/fake-peer';
import { MuxBroker } from './mux-broker';

const le = (id: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(id);
  return b;
};
const dataOn = (id: number) => (f: Frame) => f.type === FrameType.Data && f.streamId === id;

async function started(options?: ConstructorParameters<typeof MuxBroker>[1]) {
  const { session, peer } = FakePeer.create();
  for (const id of [1, 3, 5]) peer.openStream(id);
  for (let i = 0; i < 3; i++) await session.accept();
  const broker = new MuxBroker(session, options);
  const running = broker.run();
  return { session, peer, broker, running };
}

describe('MuxBroker', () => {
  it('allocates ids from 1 in its own namespace', async () => {
    const { session, broker } = await started();
    expect([broker.nextId(), broker.nextId(), broker.nextId()]).toEqual([1, 2, 3]);
    await session.close();
  });

  it('accept(id): matches the announced id, acks it LE, leaves the payload untouched', async () => {
    const { session, peer, broker, running } = await started();
    const id = broker.nextId();
    const accepted = broker.accept(id);
    peer.send(FrameType.WindowUpdate, Flag.SYN, 7, 0);
    // id and first payload bytes in one frame, then more payload
    peer.sendData(7, Buffer.concat([le(id), Buffer.from('GET ')]));
    const stream = await accepted;
    peer.sendData(7, Buffer.from('/hello'));
    const ack = await peer.next(dataOn(7));
    expect(ack.payload).toEqual(le(id));
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await peer.until(() => Buffer.concat(chunks).length >= 'GET /hello'.length, 'the payload is read');
    expect(Buffer.concat(chunks).toString()).toBe('GET /hello');
    await session.close();
    await running; // run() resolves, never rejects, when the session ends
  });

  it('a stream that arrives before accept() is parked and handed over', async () => {
    const { session, peer, broker } = await started();
    peer.openStream(7);
    peer.sendData(7, Buffer.concat([le(2), Buffer.from('payload')]));
    await tick(10);
    const stream = await broker.accept(2);
    expect((await peer.next(dataOn(7))).payload).toEqual(le(2));
    expect(stream.read()?.toString()).toBe('payload');
    await session.close();
  });

  it('closes streams nobody accepts within the park timeout', async () => {
    const { session, peer } = await started({ pendingTimeoutMs: 30 });
    peer.openStream(7);
    peer.sendData(7, le(42));
    expect(await peer.next((f) => f.streamId === 7 && (f.flags & Flag.RST) !== 0)).toBeDefined();
    await session.close();
  });

  it('accept() rejects with a clear error after its timeout', async () => {
    const { session, broker } = await started();
    await expect(broker.accept(broker.nextId(), 30)).rejects.toThrow(/timeout waiting for accept of id 1/);
    await session.close();
  });

  it('handles an id split across frames', async () => {
    const { session, peer, broker } = await started();
    const accepted = broker.accept(3);
    peer.openStream(7);
    peer.sendData(7, le(3).subarray(0, 1));
    await peer.roundTrip(); // the first byte is delivered on its own
    peer.sendData(7, le(3).subarray(1));
    await expect(accepted).resolves.toMatchObject({ id: 7 });
    await session.close();
  });

  it('dial(id): opens an even stream, writes the LE id, resolves on a matching ack', async () => {
    const { session, peer, broker } = await started();
    const dialed = broker.dial(9);
    const syn = await peer.next((f) => (f.flags & Flag.SYN) !== 0);
    expect(syn.streamId).toBe(2);
    expect((await peer.next(dataOn(2))).payload).toEqual(le(9));
    peer.send(FrameType.WindowUpdate, Flag.ACK, 2, 0);
    peer.sendData(2, Buffer.concat([le(9), Buffer.from('after-ack')]));
    const stream = await dialed;
    await peer.roundTrip();
    expect(stream.read()?.toString()).toBe('after-ack');
    stream.write('request');
    expect((await peer.next(dataOn(2))).payload?.toString()).toBe('request');
    await session.close();
  });

  it('dial(id): rejects on a bad ack and resets the stream', async () => {
    const { session, peer, broker } = await started();
    const dialed = broker.dial(9);
    await peer.next(dataOn(2));
    peer.sendData(2, le(8));
    await expect(dialed).rejects.toThrow(/bad ack for id 9: got 8/);
    expect(await peer.next((f) => f.streamId === 2 && (f.flags & Flag.RST) !== 0)).toBeDefined();
    await session.close();
  });

  it('dial(id): rejects when the peer resets instead of acking', async () => {
    const { session, peer, broker } = await started();
    const dialed = broker.dial(9);
    await peer.next(dataOn(2));
    peer.send(FrameType.WindowUpdate, Flag.RST, 2, 0);
    await expect(dialed).rejects.toThrow(/reset/);
    await session.close();
  });

  it('pending accepts fail when the session closes', async () => {
    const { session, broker } = await started();
    const pending = broker.accept(1, 10_000);
    await session.close();
    await expect(pending).rejects.toThrow(/session closed/);
  });
});
