// The conversation API of GatewayLink against a fake gateway: sending with attachments,
// following a run, aborting, system events.
import { GatewayLinkError, RunAbortedError } from './errors';
import type { RunEvent } from './run-events';
import { connectedLink, FakeGateway, text } from './testing/fake-gateway';

const KEY = 'agent:main:mattermost:channel:c1';

describe('sendChat', () => {
  it('sends text, attachments in wire form and the idempotency key; the run yields its events in order', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    const run = await link.sendChat({
      sessionKey: KEY, message: 'describe parts', idempotencyKey: 'k1', queueMode: 'followup',
      attachments: [{ type: 'image', mimeType: 'image/png', fileName: 'red.png', content: Buffer.from([1, 2, 3]) },
        { type: 'file', mimeType: 'text/plain', fileName: 'notes.txt', content: Buffer.from('hi').toString('base64') }],
    });
    expect(gw.methodCalls('chat.send')).toEqual([{
      sessionKey: KEY, message: 'describe parts', idempotencyKey: 'k1', queueMode: 'followup',
      attachments: [{ type: 'image', mimeType: 'image/png', fileName: 'red.png', content: 'AQID' },
        { type: 'file', mimeType: 'text/plain', fileName: 'notes.txt', content: 'aGk=' }],
    }]);
    gw.chat('k1', KEY, 'status', { phase: 'starting_model' });
    gw.chat('k1', KEY, 'delta', { deltaText: 'Hel', message: text('Hel') });
    // Joining late still yields every event from the first.
    const seen: RunEvent[] = [];
    const iterating = (async () => { for await (const e of run.events()) seen.push(e); })();
    gw.chat('k1', KEY, 'delta', { deltaText: 'lo', message: text('Hello') });
    gw.chat('k1', KEY, 'final', { message: text('Hello') });
    await iterating;
    expect(seen).toEqual([
      { type: 'status', phase: 'starting_model' },
      { type: 'delta', text: 'Hel', replace: false },
      { type: 'delta', text: 'lo', replace: false },
      { type: 'final', text: 'Hello', reasoning: '', mediaCount: 0, queued: false, stopReason: undefined },
    ]);
    expect(await run.finalReply()).toMatchObject({ text: 'Hello', queued: false });
    await link.stop();
  });

  it('refuses attachments over the announced limits, naming the file and the limit', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    expect(link.attachmentLimits).toEqual({ maxBytes: 19464192, maxImageBytes: 6291456 });
    const big = { type: 'image' as const, mimeType: 'image/png', fileName: 'big.png', content: new Uint8Array(6291457) };
    await expect(link.sendChat({ sessionKey: KEY, message: 'x', idempotencyKey: 'k2', attachments: [big] }))
      .rejects.toThrow(/attachment big\.png: image is 6\.0 MB, over the gateway's 6\.0 MB image limit/);
    expect(gw.methodCalls('chat.send')).toEqual([]);
    await link.stop();
  });

  it('a request outside the protocol fails before it is sent', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    const err = await link.sendChat({ sessionKey: 'k'.repeat(600), message: 'x', idempotencyKey: 'k3' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayLinkError);
    expect(err).toMatchObject({ code: 'invalid' });
    expect(gw.methodCalls('chat.send')).toEqual([]);
    await link.stop();
  });

  it('abort stops the run with chat.abort; the run then ends aborted and finalReply says so', async () => {
    const gw = new FakeGateway();
    gw.on('chat.abort', (p) => ({ ok: true, aborted: true, runIds: [p.runId] }));
    const link = await connectedLink(gw);
    const run = await link.sendChat({ sessionKey: KEY, message: 'slow', idempotencyKey: 'k4' });
    gw.chat('k4', KEY, 'delta', { deltaText: 'w0 w1', message: text('w0 w1') });
    expect(await run.abort()).toEqual({ aborted: true, runIds: ['k4'] });
    expect(gw.methodCalls('chat.abort')).toEqual([{ sessionKey: KEY, runId: 'k4' }]);
    gw.chat('k4', KEY, 'aborted', { stopReason: 'rpc', message: text('w0 w1') });
    await expect(run.finalReply()).rejects.toBeInstanceOf(RunAbortedError);
    expect(await run.done).toEqual({ status: 'aborted', text: 'w0 w1', stopReason: 'rpc' });
    await link.stop();
  });
});

describe('sendSystemEvent', () => {
  it('without operator.admin it goes through wake (queued, plus a heartbeat turn)', async () => {
    const gw = new FakeGateway();
    gw.on('wake', () => ({ ok: true }));
    const link = await connectedLink(gw);
    expect(await link.sendSystemEvent(KEY, 'Reaction added: :tada: by alice')).toBe('woke');
    expect(gw.methodCalls('wake')).toEqual([{ mode: 'next-heartbeat', text: 'Reaction added: :tada: by alice', sessionKey: KEY }]);
    await link.stop();
  });

  it('with operator.admin it uses system-event, which only queues it for the next turn (as the seed does)', async () => {
    const gw = new FakeGateway();
    gw.on('system-event', () => ({ ok: true }));
    const link = await connectedLink(gw);
    gw.hello({ auth: { role: 'operator', scopes: ['operator.read', 'operator.write', 'operator.admin'], method: 'device-token' } });
    expect(await link.sendSystemEvent(KEY, 'Reaction removed')).toBe('queued');
    expect(gw.methodCalls('system-event')).toEqual([{ text: 'Reaction removed', sessionKey: KEY }]);
    await link.stop();
  });
});
