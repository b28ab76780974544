import type { GatewayLink, LinkState } from '../../gateway';
import { connectedLink, FakeGateway, text } from '../../gateway/testing/fake-gateway';
import type { AgentMessage } from './agent-port';
import { GatewayAgentPort, type LinkSource } from './gateway-port';

const KEY = 'agent:main:mattermost:direct:u1';

class Source implements LinkSource {
  current: GatewayLink | undefined;
  agentId = 'main';
  private readonly listeners = new Set<(s: LinkState) => void>();
  onStateChange(l: (s: LinkState) => void): () => void { this.listeners.add(l); return () => this.listeners.delete(l); }
  set(link: GatewayLink | undefined): void {
    this.current = link;
    for (const l of this.listeners) l(link?.state ?? { status: 'disabled' });
  }
}

async function setup() {
  const gw = new FakeGateway();
  gw.on('sessions.subscribe', () => ({ subscribed: true }));
  const link = await connectedLink(gw);
  const source = new Source();
  const port = new GatewayAgentPort(source);
  const connected: number[] = [];
  port.onConnected(() => connected.push(1));
  source.set(link);
  return { gw, link, source, port, connected };
}

test('a message with files goes out through chat.send; the run settles with its outcome', async () => {
  const { gw, link, port, connected } = await setup();
  expect(port.isConnected()).toBe(true);
  expect(connected).toEqual([1]);
  expect(port.attachmentLimits()).toEqual({ maxBytes: 19464192, maxImageBytes: 6291456 });
  const run = await port.sendChat({
    sessionKey: KEY, message: 'look', idempotencyKey: 'mm-post-1',
    attachments: [{ type: 'image', mimeType: 'image/png', fileName: 'red.png', content: 'AAAA' }],
  });
  expect(gw.methodCalls('chat.send')).toEqual([{ sessionKey: KEY, message: 'look', idempotencyKey: 'mm-post-1',
    attachments: [expect.objectContaining({ type: 'image', mimeType: 'image/png', fileName: 'red.png', content: 'AAAA' }) as unknown] }]);
  gw.chat('mm-post-1', KEY, 'final', { message: text('hello') });
  expect(await run.done).toMatchObject({ status: 'final', text: 'hello' });
  expect(await run.media()).toEqual({ files: [], failed: [] });
  await link.stop();
});

test('system events reach the session (wake for a device without operator.admin)', async () => {
  const { gw, link, port } = await setup();
  gw.on('wake', () => ({ ok: true }));
  await port.sendSystemEvent(KEY, 'Mattermost reaction added: :+1:');
  expect(gw.methodCalls('wake')).toEqual([{ mode: 'next-heartbeat', text: 'Mattermost reaction added: :+1:', sessionKey: KEY }]);
  await link.stop();
});

test('agent messages of Mattermost sessions of our agent arrive; a new link (settings changed) is followed', async () => {
  const { gw, link, port, source } = await setup();
  const seen: AgentMessage[] = [];
  port.onAgentMessage((m) => seen.push(m));
  const entry = (id: string, key: string) => gw.emit('session.message', { sessionKey: key, messageId: id, message: {
    role: 'assistant', content: [{ type: 'text', text: `text ${id}` }], stopReason: 'stop', __openclaw: { runId: `run-${id}`, id } } });
  entry('m1', KEY);
  entry('m2', 'agent:other:mattermost:direct:u1');
  entry('m3', 'agent:main:slack:channel:c1');
  expect(seen.map((m) => [m.messageId, m.sessionKey, m.runId, m.text])).toEqual([['m1', KEY, 'run-m1', 'text m1']]);
  await link.stop();

  const gw2 = new FakeGateway();
  gw2.on('sessions.subscribe', () => ({ subscribed: true }));
  const link2 = await connectedLink(gw2);
  source.set(link2);
  await Promise.resolve();
  expect(gw2.methodCalls('sessions.subscribe')).toHaveLength(1);
  gw2.emit('session.message', { sessionKey: KEY, messageId: 'm4', message: {
    role: 'assistant', content: [{ type: 'text', text: 'after the switch' }], stopReason: 'stop', __openclaw: { runId: 'r4', id: 'm4' } } });
  expect(seen.map((m) => m.text)).toEqual(['text m1', 'after the switch']);
  port.dispose();
  await link2.stop();
});

test('with no link configured, sending fails as not connected', async () => {
  const port = new GatewayAgentPort(new Source());
  expect(port.isConnected()).toBe(false);
  await expect(port.sendChat({ sessionKey: KEY, message: 'x', idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'not-connected' });
});
