import { ChannelCache, type ChannelLookupPort } from './channel-cache';

const BOT = 'b0tb0tb0tb0tb0tb0tb0tb0tb0';

function setup(over: Partial<ChannelLookupPort> = {}) {
  const calls: string[] = [];
  const port: ChannelLookupPort = {
    getChannel: (id) => {
      calls.push(`channel:${id}`);
      if (id === 'dm') return Promise.resolve({ Id: id, Type: 'D', Name: `${BOT}__someone`, TeamId: '' });
      if (id === 'dm2') return Promise.resolve({ Id: id, Type: 'D', Name: 'alice__bob', TeamId: '' });
      return Promise.resolve({ Id: id, Type: 'O', Name: 'town-square', DisplayName: 'Town Square', TeamId: 't1' });
    },
    isChannelMember: (ch) => { calls.push(`member:${ch}`); return Promise.resolve(ch === 'joined'); },
    teamName: (t) => { calls.push(`team:${t}`); return Promise.resolve('eng'); },
    ...over,
  };
  let t = 0;
  const cache = new ChannelCache(port, () => BOT, 60_000, 3, () => t);
  return { cache, calls, advance: (ms: number) => { t += ms; } };
}

test('a miss loads once (concurrent misses share the calls); hits cost nothing', async () => {
  const { cache, calls } = setup();
  const [a, b] = await Promise.all([cache.get('joined'), cache.get('joined')]);
  expect(a).toEqual(b);
  expect(a).toMatchObject({ type: 'O', name: 'town-square', displayName: 'Town Square', teamName: 'eng', botIsMember: true });
  expect(calls).toEqual(['channel:joined', 'member:joined', 'team:t1']);
  expect(cache.peek('joined')).toBe(a);
  await cache.get('other');
  expect(calls).toEqual(['channel:joined', 'member:joined', 'team:t1', 'channel:other', 'member:other']); // team name cached
});

test('DM membership comes from the channel name', async () => {
  const { cache, calls } = setup();
  expect((await cache.get('dm')).botIsMember).toBe(true);
  expect((await cache.get('dm2')).botIsMember).toBe(false);
  expect(calls).toEqual(['channel:dm', 'channel:dm2']);
});

test('entries expire (except DMs); the bot joining or leaving updates the entry at once', async () => {
  const { cache, advance } = setup();
  await cache.get('other');
  await cache.get('dm');
  cache.membershipChanged('other', 'someone-else', true);
  expect(cache.peek('other')?.botIsMember).toBe(false);
  cache.membershipChanged('other', BOT, true);
  expect(cache.peek('other')?.botIsMember).toBe(true);
  advance(60_000);
  cache.sweep();
  expect(cache.peek('other')).toBeDefined();
  advance(1);
  cache.sweep();
  expect(cache.peek('other')).toBeUndefined();
  expect(cache.peek('dm')).toBeDefined();
});

test('bounded: the oldest entry makes room', async () => {
  const { cache } = setup();
  for (const id of ['a', 'b', 'c', 'd']) await cache.get(id);
  expect(cache.size).toBe(3);
  expect(cache.peek('a')).toBeUndefined();
});

test('a failed load is not cached and is retried next time', async () => {
  let fail = true;
  const { cache } = setup({ getChannel: () => (fail ? Promise.reject(new Error('boom')) : Promise.resolve({ Id: 'x', Type: 'P', Name: 'x', TeamId: '' })) });
  await expect(cache.get('x')).rejects.toThrow('boom');
  fail = false;
  expect((await cache.get('x')).type).toBe('P');
});
