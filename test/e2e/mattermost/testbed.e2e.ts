// Self-check of the test bed's interaction helpers, independent of our plugin:
// a tiny local HTTP "integration" stands behind a post button and a dialog,
// so clickPostAction, submitDialog, WebSocket ephemerals and post reading are
// known to work before plugin tests rely on them.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { channelPosts, clickPostAction, connectWebSocket, createWorld, postOf, submitDialog, useTestBed, type World } from '../../harness';

jest.setTimeout(120_000);

const readBody = (req: IncomingMessage): Promise<Record<string, unknown>> =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body ? (JSON.parse(body) as Record<string, unknown>) : {}));
  });

describe('test bed interaction helpers', () => {
  const bed = useTestBed();
  let world: World;
  let integration: Server;
  let integrationUrl: string;
  const received: Array<{ path: string; body: Record<string, unknown> }> = [];

  beforeAll(async () => {
    world = await createWorld(bed().url, bed().admin);
    integration = createServer((req, res) => {
      void readBody(req).then((body) => {
        received.push({ path: req.url ?? '', body });
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(req.url === '/action' ? { ephemeral_text: 'button pressed' } : {}));
      });
    });
    await new Promise<void>((r) => integration.listen(0, '127.0.0.1', r));
    integrationUrl = `http://127.0.0.1:${(integration.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => integration?.close(r));
  });

  test('a post button click reaches the integration and the answer arrives as an ephemeral', async () => {
    const alice = world.users[0];
    const post = await bed().admin.client.createPost({
      channel_id: world.channel.id,
      message: 'approve?',
      props: {
        attachments: [{ text: 'pick', actions: [{ id: 'approve', name: 'Approve', integration: { url: `${integrationUrl}/action`, context: { ticket: 42 } } }] }],
      },
    });
    const ws = await connectWebSocket(bed().url, alice.token);
    try {
      const posts = await channelPosts(alice.client, world.channel.id);
      expect(posts.map((p) => p.id)).toContain(post.id);
      await clickPostAction(alice.client, post.id, 'approve');
      expect(received.find((r) => r.path === '/action')?.body).toMatchObject({ user_id: alice.user.id, post_id: post.id, context: { ticket: 42 } });
      const eph = await ws.waitForEvent('ephemeral_message');
      expect(postOf(eph)?.message).toBe('button pressed');
    } finally {
      ws.close();
    }
  });

  test('an interactive dialog submission reaches the integration', async () => {
    const alice = world.users[0];
    await submitDialog(alice.client, {
      url: `${integrationUrl}/dialog`,
      callback_id: 'cb1',
      state: 'st1',
      channel_id: world.channel.id,
      team_id: world.team.id,
      submission: { answer: 'yes' },
    });
    expect(received.find((r) => r.path === '/dialog')?.body).toMatchObject({
      type: 'dialog_submission',
      callback_id: 'cb1',
      state: 'st1',
      user_id: alice.user.id,
      submission: { answer: 'yes' },
    });
  });

  test('plugin-independent basics: DM exists, private channel membership', async () => {
    const [alice, bob] = world.users;
    expect(world.dm.type).toBe('D');
    const members = await bed().admin.client.getChannelMembers(world.privateChannel.id);
    expect(members.map((m) => m.user_id)).toEqual(expect.arrayContaining([alice.user.id, bob.user.id]));
  });
});
