// Hook dispatch over the real net/rpc + gob wire: what the server sends reaches each hook as
// its declared types, bad arguments fail only their own call, and activation follows Go.
import { duplexPair } from 'node:stream';
import { t, GobInterface, type GobType } from '../gob';
import { RpcServer } from '../netrpc/server';
import { RpcClient } from '../netrpc/client';
import { GobInterface as Iface } from '../gob';
import { hookMethods } from './hooks-server';
import type { Hooks } from './hooks';
import {
  ExecuteCommandArgsType, JoinedChannelArgsType, LeftChannelArgsType, OnActivateArgsType, PostArgsType, PushArgsType, ReactionArgsType,
} from './hook-args';
import type { Post } from '../model/post';

function host(hooks: Hooks) {
  const [server, plugin] = duplexPair();
  const errors: Array<[string, string]> = [];
  const activated: unknown[] = [];
  new RpcServer(plugin, hookMethods({
    hooks,
    http: { dial: () => Promise.reject(new Error('no broker in this test')) },
    connectApi: async (args) => { activated.push(args); },
    onHookError: (hook, err) => errors.push([hook, err instanceof Error ? err.message : String(err)]),
  }));
  const client = new RpcClient(server);
  const call = (method: string, type: GobType, args: unknown) => client.call(`Plugin.${method}`, type, args);
  return { call, errors, activated };
}

const ctx = { RequestId: 'req-1', SessionId: 's-1' };

describe('hook dispatch', () => {
  test('an OnConfigurationChange error during activation is logged and activation continues, as in Go', async () => {
    const order: string[] = [];
    const { call, errors, activated } = host({
      onConfigurationChange: async () => { order.push('config'); throw new Error('bad settings'); },
      onActivate: async () => { order.push('activate'); },
    });
    const reply = await call('OnActivate', OnActivateArgsType, { APIMuxId: 3 });
    expect(order).toEqual(['config', 'activate']);
    expect(reply).toEqual({});
    expect(activated).toEqual([{ APIMuxId: 3 }]);
    expect(errors).toEqual([['OnConfigurationChange', 'call to OnConfigurationChange failed: bad settings']]);
  });

  test('an OnActivate error is returned to the server as the plugin error', async () => {
    const { call } = host({ onActivate: async () => { throw new Error('cannot start'); } });
    const reply = await call('OnActivate', OnActivateArgsType, {});
    expect(reply).toMatchObject({ A: { name: '*plugin.ErrorString', value: { Err: 'cannot start' } } });
  });

  test('MessageHasBeenPosted hands the hook a checked Post with its props', async () => {
    const seen: Array<[unknown, Post]> = [];
    const { call } = host({ messageHasBeenPosted: async (c, post) => { seen.push([c, post]); } });
    await call('MessageHasBeenPosted', PostArgsType, {
      A: ctx, B: { Id: 'p1', ChannelId: 'c1', Message: 'hi', CreateAt: 1700000000000, Props: { from_webhook: 'true' } },
    });
    expect(seen).toHaveLength(1);
    const [c, post] = seen[0];
    expect(c).toEqual(ctx);
    expect(post).toMatchObject({ Id: 'p1', ChannelId: 'c1', Message: 'hi', CreateAt: 1700000000000 });
    expect(post.Props?.from_webhook).toEqual(new GobInterface('string', 'true'));
  });

  test('arguments of the wrong shape fail only that call; the next one is served', async () => {
    const posted: string[] = [];
    const { call, errors } = host({ messageHasBeenPosted: async (_c, post) => { posted.push(post.Id ?? ''); } });
    const Wrong = t.struct('Z_Wrong', () => [['A', t.string], ['B', t.string]]);
    await expect(call('MessageHasBeenPosted', Wrong, { A: 'x', B: 'not a post' })).resolves.toEqual({});
    expect(errors).toEqual([['MessageHasBeenPosted', 'gob: MessageHasBeenPosted arguments.A: expected a Context, got string']]);
    await call('MessageHasBeenPosted', PostArgsType, { A: ctx, B: { Id: 'p2' } });
    expect(posted).toEqual(['p2']);
  });

  test('deleted posts and reactions reach their hooks', async () => {
    const seen: string[] = [];
    const { call } = host({
      messageHasBeenDeleted: async (_c, post) => { seen.push(`deleted ${post.Id}`); },
      reactionHasBeenAdded: async (_c, r) => { seen.push(`+${r.EmojiName} on ${r.PostId} by ${r.UserId} in ${r.ChannelId}`); },
      reactionHasBeenRemoved: async (_c, r) => { seen.push(`-${r.EmojiName}`); },
    });
    await call('MessageHasBeenDeleted', PostArgsType, { A: ctx, B: { Id: 'p3' } });
    await call('ReactionHasBeenAdded', ReactionArgsType, { A: ctx, B: { EmojiName: 'eyes', PostId: 'p3', UserId: 'u1', ChannelId: 'c1' } });
    await call('ReactionHasBeenRemoved', ReactionArgsType, { A: ctx, B: { EmojiName: 'eyes', PostId: 'p3' } });
    expect(seen).toEqual(['deleted p3', '+eyes on p3 by u1 in c1', '-eyes']);
  });

  test('UserHasJoinedChannel without an actor passes undefined', async () => {
    const seen: unknown[] = [];
    const { call } = host({ userHasJoinedChannel: async (_c, member, actor) => { seen.push([member.ChannelId, member.UserId, actor]); } });
    await call('UserHasJoinedChannel', JoinedChannelArgsType, { A: ctx, B: { ChannelId: 'c1', UserId: 'u1' } });
    await call('UserHasJoinedChannel', JoinedChannelArgsType, { A: ctx, B: { ChannelId: 'c2', UserId: 'u2' }, C: { Id: 'admin', Username: 'root' } });
    expect(seen).toEqual([['c1', 'u1', undefined], ['c2', 'u2', expect.objectContaining({ Id: 'admin', Username: 'root' })]]);
  });

  test('UserHasLeftChannel passes the member and the remover', async () => {
    const seen: unknown[] = [];
    const { call } = host({ userHasLeftChannel: async (_c, member, actor) => { seen.push([member.ChannelId, member.UserId, actor?.Id]); } });
    await call('UserHasLeftChannel', LeftChannelArgsType, { A: ctx, B: { ChannelId: 'c1', UserId: 'bot' }, C: { Id: 'admin' } });
    await call('UserHasLeftChannel', LeftChannelArgsType, { A: ctx, B: { ChannelId: 'c2', UserId: 'u2' } });
    expect(seen).toEqual([['c1', 'bot', 'admin'], ['c2', 'u2', undefined]]);
  });

  test('ExecuteCommand answers the response, or an AppError when the hook throws', async () => {
    let fail = false;
    const { call } = host({
      executeCommand: async (_c, args) => {
        if (fail) throw new Error('relay broke');
        return { ResponseType: 'ephemeral', Text: `ran ${args.Command} for ${args.UserId}` };
      },
    });
    const ok = await call('ExecuteCommand', ExecuteCommandArgsType, { A: ctx, B: { Command: '/oc_status', UserId: 'u1' } });
    expect(ok).toEqual({ A: { ResponseType: 'ephemeral', Text: 'ran /oc_status for u1' } });
    fail = true;
    const failed = await call('ExecuteCommand', ExecuteCommandArgsType, { A: ctx, B: { Command: '/oc_status' } });
    expect(failed).toMatchObject({ B: { Id: 'plugin.command.failed', Message: 'relay broke', StatusCode: 500 } });
  });

  test('NotificationWillBePushed lets through, replaces or rejects; a failing hook lets the push through', async () => {
    const seen: string[] = [];
    const { call, errors } = host({
      notificationWillBePushed: async (pn, userId) => {
        seen.push(`${pn.PostId}:${pn.PostType}:${userId}`);
        if (pn.PostId === 'hold') return { reject: 'held until final' };
        if (pn.PostId === 'swap') return { replace: { ...pn, Message: 'final answer' } };
        if (pn.PostId === 'boom') throw new Error('broken');
        return undefined;
      },
    });
    const push = (postId: string) => call('NotificationWillBePushed', PushArgsType, {
      A: { PostId: postId, Message: 'Thinking…', PostType: 'custom_x', ChannelId: 'c1', Badge: 2 }, B: 'u1',
    });
    expect(await push('plain')).toEqual({});
    expect(await push('hold')).toEqual({ B: 'held until final' });
    expect(await push('swap')).toEqual({ A: { PostId: 'swap', Message: 'final answer', PostType: 'custom_x', ChannelId: 'c1', Badge: 2 } });
    expect(await push('boom')).toEqual({});
    expect(seen).toEqual(['plain:custom_x:u1', 'hold:custom_x:u1', 'swap:custom_x:u1', 'boom:custom_x:u1']);
    expect(errors).toEqual([['NotificationWillBePushed', 'broken']]);
  });

  test('Implemented lists the new hooks by their Go names', async () => {
    const { call } = host({ messageHasBeenDeleted: async () => {}, reactionHasBeenAdded: async () => {}, onActivate: async () => {} });
    const names = await call('Implemented', t.struct('Empty', () => []), {});
    expect(Array.isArray(names) ? [...names].sort() : names).toEqual(['MessageHasBeenDeleted', 'OnActivate', 'ReactionHasBeenAdded']);
  });

  test('a props value that is a registered Mattermost type decodes as that interface', async () => {
    const seen: Post[] = [];
    const { call } = host({ messageHasBeenPosted: async (_c, post) => { seen.push(post); } });
    const attachments = new Iface('[]*model.SlackAttachment', [{ Text: 'pick', Actions: [{ Id: 'a1', Name: 'Go', Tooltip: 'tip' }] }]);
    await call('MessageHasBeenPosted', PostArgsType, { A: ctx, B: { Id: 'p4', Props: { attachments } } });
    expect(seen[0].Props?.attachments).toMatchObject({ name: '[]*model.SlackAttachment', value: [{ Text: 'pick', Actions: [{ Id: 'a1', Tooltip: 'tip' }] }] });
  });
});
