import { KvLease } from './kv-lock';
import { QueueDrainer, type DeliveryResult } from './queue-drainer';
import { RelayQueue, type QueuedPost } from './relay-queue';
import { FakeKv } from './testing/fake-kv';

const item = (postId: string, postCreateAt: number, sessionKey = 'agent:main:mattermost:direct:alice'): QueuedPost => ({
  postId, channelId: 'dm', userId: 'alice', sessionKey, message: `message ${postId}`, fileIds: [], rootFirst: '', rootRest: '',
  postCreateAt, seq: 0, queuedAt: postCreateAt,
});

function setup(opts: { connected?: boolean; now?: number } = {}) {
  const kv = new FakeKv();
  let t = opts.now ?? 1_000_000;
  kv.now = () => t;
  const queue = new RelayQueue(kv);
  const delivered: string[] = [];
  const expired: string[] = [];
  const state = { connected: opts.connected ?? true, results: new Map<string, DeliveryResult>() };
  const drainer = (node = 'n1', q = queue) => new QueueDrainer({
    queue: q, lease: new KvLease(kv, 'conv-queue-lease', node, 60, () => t), nodeId: node,
    isConnected: () => state.connected,
    deliver: (i) => { delivered.push(i.postId); return Promise.resolve(state.results.get(i.postId) ?? 'done'); },
    expire: (i) => { expired.push(i.postId); return Promise.resolve(); },
    expiryMs: () => 15 * 60_000, onError: (m) => { throw new Error(m); }, now: () => t,
  });
  return { kv, queue, delivered, expired, state, drainer, advance: (ms: number) => { t += ms; } };
}

test('queued posts are delivered once each, in the order they were written', async () => {
  const { queue, delivered, drainer } = setup();
  await queue.enqueue(item('p2', 1_000_002));
  await queue.enqueue(item('p1', 1_000_001));
  await queue.enqueue(item('p3', 1_000_003));
  await queue.enqueue(item('p1', 1_000_001)); // twice: still once
  expect((await queue.entries()).map((e) => e.postId)).toEqual(['p1', 'p2', 'p3']);
  await drainer().drain();
  expect(delivered).toEqual(['p1', 'p2', 'p3']);
  expect(await queue.entries()).toEqual([]);
  expect(await queue.load('p1')).toBeUndefined();
  await drainer().drain();
  expect(delivered).toEqual(['p1', 'p2', 'p3']);
});

test('nothing is delivered while the link is down; the gateway dropping mid-drain keeps the rest for later', async () => {
  const { queue, delivered, drainer, state } = setup({ connected: false });
  for (const [i, id] of ['a', 'b', 'c'].entries()) await queue.enqueue(item(id, 1_000_000 + i));
  await drainer().drain();
  expect(delivered).toEqual([]);
  state.connected = true;
  state.results.set('b', 'link-down');
  await drainer().drain();
  expect(delivered).toEqual(['a', 'b']);
  expect((await queue.entries()).map((e) => e.postId)).toEqual(['b', 'c']);
  state.results.clear();
  await drainer().drain();
  expect(delivered).toEqual(['a', 'b', 'b', 'c']);
});

test('posts older than the expiry get the "not delivered" note instead, even while the link is down', async () => {
  const { queue, delivered, expired, drainer, state, advance } = setup({ connected: false });
  await queue.enqueue(item('old', 1_000_000));
  advance(15 * 60_000 + 1);
  await drainer().drain();
  expect(expired).toEqual(['old']);
  expect(delivered).toEqual([]);
  expect(await queue.entries()).toEqual([]);
  state.connected = true;
});

test('one node drains at a time; a second node skips while the first holds the lease', async () => {
  const { kv, queue, delivered, drainer } = setup();
  await queue.enqueue(item('p1', 1_000_001));
  await new KvLease(kv, 'conv-queue-lease', 'n2', 60).acquire();
  await drainer('n1').drain();
  expect(delivered).toEqual([]);
  await drainer('n2', new RelayQueue(kv)).drain();
  expect(delivered).toEqual(['p1']);
});

test('a post another node is delivering (claimed) is left alone', async () => {
  const { queue, delivered, drainer } = setup();
  await queue.enqueue(item('p1', 1_000_001));
  expect(await queue.claim('p1', 'other-node', 60)).toBe(true);
  await drainer().drain();
  expect(delivered).toEqual([]);
});

// Each renewal writes a new value, as a real clock moving on between two lanes' renewals does.
const tickingClock = () => { let t = 0; return () => ++t; };

test('conversations drain side by side; one conversation stays in order', async () => {
  const { queue, drainer, kv } = setup();
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  await queue.enqueue(item('a1', 1, 'agent:main:mattermost:direct:a'));
  await queue.enqueue(item('b1', 2, 'agent:main:mattermost:direct:b'));
  await queue.enqueue(item('a2', 3, 'agent:main:mattermost:direct:a'));
  const d = new QueueDrainer({
    queue, lease: new KvLease(kv, 'l', 'n1', 60, tickingClock()), nodeId: 'n1', isConnected: () => true,
    deliver: async (i) => { order.push(`start ${i.postId}`); if (i.postId === 'a1') await gate; order.push(`end ${i.postId}`); return 'done'; },
    expire: () => Promise.resolve(), expiryMs: () => Number.MAX_SAFE_INTEGER, onError: () => undefined,
  });
  const done = d.drain();
  // Bounded wait (a broken drainer fails here instead of spinning past the test's end).
  for (let turns = 0; turns < 1_000 && !order.includes('end b1'); turns++) await new Promise((r) => setImmediate(r));
  expect(order).toContain('end b1');
  expect(order).not.toContain('start a2'); // a2 waits for a1 even though b1 finished
  release();
  await done;
  expect(order.indexOf('end a1')).toBeLessThan(order.indexOf('start a2'));
  void drainer;
});
