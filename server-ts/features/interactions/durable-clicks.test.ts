import { GatewayLinkError } from '../../gateway';
import { KvLease } from '../conversations/kv-lock';
import { FakeKv } from '../conversations/testing/fake-kv';
import { ClickQueue, type QueuedClick } from './click-queue';
import { DurableClicks, type ClickDelivery, type DeliveryOutcome } from './durable-clicks';

const NOW = 1_800_000_000_000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function click(n: number, expiresAt = NOW + 60_000): QueuedClick {
  return {
    id: `nonce${String(n).padStart(12, '0')}`, kind: 'exec-approval', clicker: { userId: 'u', username: 'alice' }, postId: `p${n}`, channelId: 'c',
    context: { expires_at: String(expiresAt), ref: `ap${n}`, decision: 'allow-once' }, queuedAt: NOW, failures: 0,
  };
}

/** A gateway that accepts each approval once (like the real one) and can be away. */
class FakeDelivery implements ClickDelivery {
  away = true;
  refuse = false;
  crash = false;
  readonly accepted: string[] = [];
  readonly queuedShown: string[] = [];
  readonly expired: string[] = [];
  deliver(c: QueuedClick): Promise<DeliveryOutcome> {
    if (this.away) return Promise.reject(new GatewayLinkError('not-connected', 'away'));
    if (this.crash) return Promise.reject(new Error('Mattermost hiccup'));
    if (this.refuse) return Promise.resolve('dropped');
    this.accepted.push(String(c.context.ref));
    return Promise.resolve('delivered');
  }
  showQueued(c: QueuedClick) { this.queuedShown.push(c.postId); return Promise.resolve(); }
  expire(c: QueuedClick) { this.expired.push(c.postId); return Promise.resolve(); }
}

function node(kv: FakeKv, delivery: FakeDelivery, name: string, now = () => NOW) {
  return new DurableClicks({
    queue: new ClickQueue(kv), lease: new KvLease(kv, 'lease', name, 30, now), nodeId: name, log: quiet, now,
    deliveries: new Map([['exec-approval', delivery]]), isConnected: () => !delivery.away,
  });
}

test('delivered at once while the gateway is there; nothing queued', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  d.away = false;
  expect(await node(kv, d, 'a').submit(click(1))).toBe('delivered');
  expect(d.accepted).toEqual(['ap1']);
  expect(await new ClickQueue(kv).ids()).toEqual([]);
});

test('queued while away (the post says so), delivered exactly once after reconnect, even with two nodes draining', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  const a = node(kv, d, 'a');
  expect(await a.submit(click(1))).toBe('queued');
  expect(await a.submit(click(2))).toBe('queued');
  expect(d.queuedShown).toEqual(['p1', 'p2']);
  await a.drain(); // still away: nothing happens
  expect(d.accepted).toEqual([]);
  d.away = false;
  await Promise.all([a.drain(), node(kv, d, 'b').drain(), a.drain()]);
  await a.drain();
  expect(d.accepted).toEqual(['ap1', 'ap2']);
  expect(await new ClickQueue(kv).ids()).toEqual([]);
});

test('a live attempt that finds the link gone queues the click', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  const a = new DurableClicks({
    queue: new ClickQueue(kv), lease: new KvLease(kv, 'lease', 'a', 30), nodeId: 'a', log: quiet, now: () => NOW,
    deliveries: new Map([['exec-approval', d]]), isConnected: () => true, // believed up, but the request fails
  });
  expect(await a.submit(click(1))).toBe('queued');
  expect(await new ClickQueue(kv).ids()).toEqual([click(1).id]);
});

test('kept across a plugin restart: a new instance (new node id) delivers it once', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  const before = node(kv, d, 'before');
  await before.submit(click(1));
  await before.stop();
  d.away = false;
  const after = node(kv, d, 'after');
  await after.drain();
  await after.drain();
  expect(d.accepted).toEqual(['ap1']);
});

test('expired while waiting: the post says so and the click is dropped, also while the gateway is away', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  let now = NOW;
  const a = node(kv, d, 'a', () => now);
  await a.submit(click(1, NOW + 1000));
  await a.submit(click(2, NOW + 600_000));
  now = NOW + 2000;
  await a.drain();
  expect(d.expired).toEqual(['p1']);
  expect(await new ClickQueue(kv).ids()).toEqual([click(2).id]);
  d.away = false;
  await a.drain();
  expect(d.accepted).toEqual(['ap2']);
});

test('refused by the gateway: dropped, not retried; other failures are retried a few times, then dropped', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  const a = node(kv, d, 'a');
  await a.submit(click(1));
  d.away = false;
  d.refuse = true;
  await a.drain();
  expect(await new ClickQueue(kv).ids()).toEqual([]);

  d.away = true;
  await a.submit(click(2));
  d.away = false;
  d.refuse = false;
  d.crash = true;
  for (let i = 0; i < 4; i++) await a.drain();
  expect((await new ClickQueue(kv).load(click(2).id))?.failures).toBe(4);
  await a.drain();
  expect(await new ClickQueue(kv).ids()).toEqual([]);
  expect(d.accepted).toEqual([]);
});

test('a click another node is delivering (claimed) is left to it', async () => {
  const kv = new FakeKv();
  const d = new FakeDelivery();
  const a = node(kv, d, 'a');
  await a.submit(click(1));
  expect(await new ClickQueue(kv).claim(click(1).id, 'b', 300)).toBe(true);
  d.away = false;
  await a.drain();
  expect(d.accepted).toEqual([]);
});
