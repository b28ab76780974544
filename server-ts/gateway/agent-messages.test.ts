// Agent-initiated messages: subscription on every hello, and which session.message entries
// count as a message the agent wrote outside our runs.
import type { AgentMessage } from './agent-messages';
import { connectedLink, FakeGateway, text } from './testing/fake-gateway';

const PREFIX = 'agent:main:mattermost:';
const KEY = 'agent:main:mattermost:channel:c1';

function sessionMessage(gw: FakeGateway, messageId: string, message: Record<string, unknown>, sessionKey = KEY): void {
  gw.emit('session.message', { sessionKey, agentId: 'main', messageId, messageSeq: 1, session: { key: sessionKey }, message });
}

async function watched() {
  const gw = new FakeGateway();
  gw.on('sessions.subscribe', () => ({ subscribed: true }));
  const link = await connectedLink(gw);
  const got: AgentMessage[] = [];
  const off = link.onAgentMessage(PREFIX, (m) => got.push(m));
  return { gw, link, got, off };
}

describe('onAgentMessage', () => {
  it('subscribes at once, and again on every hello (a reconnect drops server-side subscriptions)', async () => {
    const { gw, link } = await watched();
    await Promise.resolve();
    expect(gw.methodCalls('sessions.subscribe')).toHaveLength(1);
    gw.hello(); // the client reconnected on its own: same client, new connection
    expect(gw.methodCalls('sessions.subscribe')).toHaveLength(2);
    await link.stop();
  });

  it('reports assistant entries of runs that are not ours, once, with reasoning kept apart', async () => {
    const { gw, link, got } = await watched();
    sessionMessage(gw, 'm1', { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm' }, { type: 'text', text: 'from cron' }],
      stopReason: 'stop', __openclaw: { runId: 'uuid-1', id: 'm1' } });
    sessionMessage(gw, 'm1', { role: 'assistant', content: [{ type: 'text', text: 'from cron' }], __openclaw: { runId: 'uuid-1' } });
    expect(got).toEqual([{ sessionKey: KEY, messageId: 'm1', runId: 'uuid-1', text: 'from cron', reasoning: 'hmm', origin: 'agent' }]);
    await link.stop();
  });

  it('leaves out our own runs, user turns, cron prompts, aborted partials, tool steps and other sessions', async () => {
    const { gw, link, got } = await watched();
    const run = await link.sendChat({ sessionKey: KEY, message: 'hi', idempotencyKey: 'mm-1' });
    sessionMessage(gw, 'a', { role: 'assistant', content: [{ type: 'text', text: 'ours' }], stopReason: 'stop', __openclaw: { runId: 'mm-1' } });
    gw.chat('mm-1', KEY, 'final', { message: text('ours') });
    await run.done;
    // Still ours after the final: the transcript entry may come late.
    sessionMessage(gw, 'a2', { role: 'assistant', content: [{ type: 'text', text: 'ours again' }], stopReason: 'stop', __openclaw: { runId: 'mm-1' } });
    // A gateway command's answer names only the idempotency key of the command we sent.
    const cmd = await link.sendChat({ sessionKey: KEY, message: '/status', idempotencyKey: 'mm-cmd-1' });
    sessionMessage(gw, 'a3', { role: 'assistant', content: [{ type: 'text', text: '🦞 OpenClaw' }], model: 'gateway-injected',
      idempotencyKey: 'mm-cmd-1', __openclaw: { idempotencyKey: 'mm-cmd-1' } });
    gw.chat('mm-cmd-1', KEY, 'final', { message: text('🦞 OpenClaw') });
    await cmd.done;
    sessionMessage(gw, 'b', { role: 'user', content: 'echo: from O' });
    sessionMessage(gw, 'c', { role: 'assistant', content: 'job text… unattended scheduled run', provenance: { kind: 'internal_system', sourceTool: 'cron' } });
    sessionMessage(gw, 'd', { role: 'assistant', content: [{ type: 'text', text: 'w0 w1' }], openclawAbort: { aborted: true } });
    sessionMessage(gw, 'e', { role: 'assistant', content: [{ type: 'text', text: '' }], stopReason: 'toolUse' });
    sessionMessage(gw, 'f', { role: 'assistant', content: [{ type: 'text', text: 'elsewhere' }], stopReason: 'stop' }, 'agent:main:main');
    expect(got).toEqual([]);
    await link.stop();
  });

  it('leaves out runs the caller says are its own elsewhere (another cluster node)', async () => {
    const { gw, link, got, off } = await watched();
    off();
    link.onAgentMessage(PREFIX, (m) => got.push(m), { excludeRun: (id) => id.startsWith('mm-') });
    sessionMessage(gw, 'n1', { role: 'assistant', content: [{ type: 'text', text: 'node B answered' }], stopReason: 'stop', __openclaw: { runId: 'mm-nodeB-1' } });
    sessionMessage(gw, 'n2', { role: 'assistant', content: [{ type: 'text', text: 'cron' }], stopReason: 'stop', __openclaw: { runId: 'uuid-2' } });
    expect(got.map((m) => m.messageId)).toEqual(['n2']);
    await link.stop();
  });

  it('marks operator-injected entries, and passes an empty end-of-turn entry (its files come later)', async () => {
    const { gw, link, got, off } = await watched();
    sessionMessage(gw, 'i', { role: 'assistant', content: [{ type: 'text', text: 'note' }], model: 'gateway-injected' });
    sessionMessage(gw, 'j', { role: 'assistant', content: [{ type: 'text', text: '' }], stopReason: 'stop', __openclaw: { runId: 'r-media' } });
    expect(got.map((m) => [m.messageId, m.origin, m.text])).toEqual([['i', 'injected', 'note'], ['j', 'agent', '']]);
    off();
    sessionMessage(gw, 'k', { role: 'assistant', content: [{ type: 'text', text: 'after' }], stopReason: 'stop' });
    expect(got).toHaveLength(2);
    await link.stop();
  });
});
