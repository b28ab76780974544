import { AnswerTimeoutError, GatewayLinkError, RunAbortedError, RunFailedError } from './errors';
import { connectedLink, FakeGateway, text } from './testing/fake-gateway';

const KEY = 'agent:main:mattermost:channel:c1';

describe('GatewayLink.runSlashCommand outcomes', () => {
  it('an aborted run is an aborted error carrying the partial text, not an answer', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    const answer = link.runSlashCommand(KEY, '/status', 'k-abort');
    gw.chat('k-abort', KEY, 'aborted', { stopReason: 'rpc', message: text('half an ans') });
    const err = await answer.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(RunAbortedError);
    expect(err).toMatchObject({ code: 'aborted', partialText: 'half an ans' });
    expect((err as Error).message).toContain('/status');
    await link.stop();
  });

  it('a failed run is a run-failed error with a short kind', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    const answer = link.runSlashCommand(KEY, '/status', 'k-fail');
    gw.chat('k-fail', KEY, 'error', { errorMessage: 'provider said 500', errorKind: 'unknown', errorDetail: { provider: 'fake', httpStatus: 500 } });
    const err = await answer.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect(err).toMatchObject({ code: 'run-failed', kind: 'model' });
    await link.stop();
  });

  it('a timeout carries the still-pending outcome as a declared field', async () => {
    const gw = new FakeGateway();
    const link = await connectedLink(gw);
    const err = await link.runSlashCommand(KEY, '/status', 'k-slow', { timeoutMs: 20 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AnswerTimeoutError);
    expect(err).toBeInstanceOf(GatewayLinkError);
    const { pending, code } = err as AnswerTimeoutError;
    expect(code).toBe('timeout');
    gw.chat('k-slow', KEY, 'final', { message: text('late answer') });
    expect(await pending).toMatchObject({ status: 'final', text: 'late answer' });
    await link.stop();
  });
});
