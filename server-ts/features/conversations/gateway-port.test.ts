import type { GatewayLink, LinkState } from '../../gateway';
import { connectedLink, FakeGateway, text } from '../../gateway/testing/fake-gateway';
import type { AgentMessage } from './agent-port';
import { GatewayAgentPort, type LinkSource } from './gateway-port';

const KEY = 'agent:main:mattermost:direct:u1';

class Source implements LinkSource {
  current: GatewayLink | undefined;
  private readonly listeners = new Set<(s: LinkState) => void>();
  onStateChange(l: (s: LinkState) => void): () => void { this.listeners.add(l); return () => this.listeners.delete(l); }
  set(link: GatewayLink | undefined): void {
    this.current = link;
    for (const l of this.listeners) l(link?.state ?? { status: 'disabled' });
  }
}

async function setup() {
  const gw = new FakeGateway();
  const link = await connectedLink(gw);
  const source = new Source();
  const port = new GatewayAgentPort(source);
  const connected: number[] = [];
  port.onConnected(() => connected.push(1));
  source.set(link);
  return { gw, link, source, port, connected };
}

test('a message goes out through the tracked chat.send; its outcome settles the run', async () => {
  const { gw, link, port, connected } = await setup();
  expect(port.isConnected()).toBe(true);
  expect(connected).toEqual([1]);
  const run = await port.sendChat({ sessionKey: KEY, message: 'hi', idempotencyKey: 'mm-post-1' });
  expect(gw.methodCalls('chat.send')).toEqual([{ sessionKey: KEY, message: 'hi', idempotencyKey: 'mm-post-1' }]);
  gw.chat('mm-post-1', KEY, 'final', { message: text('hello') });
  expect(await run.done).toMatchObject({ status: 'final', text: 'hello' });
  await link.stop();
});

test('system events go through wake (queued for the next turn)', async () => {
  const { gw, link, port } = await setup();
  gw.on('wake', () => ({ ok: true }));
  await port.sendSystemEvent(KEY, 'Mattermost reaction added: :+1:');
  expect(gw.methodCalls('wake')).toEqual([{ mode: 'next-heartbeat', text: 'Mattermost reaction added: :+1:', sessionKey: KEY }]);
  await link.stop();
});

test('finals of runs that are not ours, in our sessions, are agent messages; Mattermost runs and empty finals are not', async () => {
  const { gw, link, port } = await setup();
  const seen: AgentMessage[] = [];
  port.onAgentMessage((m) => seen.push(m));
  const run = await port.sendChat({ sessionKey: KEY, message: 'hi', idempotencyKey: 'mm-post-2' });
  gw.chat('mm-post-2', KEY, 'final', { message: text('our answer') });
  await run.done;
  gw.chat('cron-uuid-1', KEY, 'final', { message: text('From cron') });
  gw.chat('mm-post-other-node', KEY, 'final', { message: text('another node posts this') });
  gw.chat('op-2', KEY, 'final', { message: text('  ') });
  gw.chat('op-3', 'agent:main:mattermost:direct:never-used', 'final', { message: text('not our session') });
  expect(seen).toEqual([{ sessionKey: KEY, messageId: 'run:cron-uuid-1', runId: 'cron-uuid-1', text: 'From cron' }]);
  await link.stop();
});

test('with no link configured, sending fails as not connected', async () => {
  const port = new GatewayAgentPort(new Source());
  expect(port.isConnected()).toBe(false);
  await expect(port.sendChat({ sessionKey: KEY, message: 'x', idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'not-connected' });
});
