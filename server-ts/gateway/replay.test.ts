import { answerFromHistory, isReplayStatus } from './replay';

it('finds the earlier answer by idempotency key', () => {
  const history = { messages: [
    { role: 'user', content: 'old', __openclaw: { idempotencyKey: 'other:user' } },
    { role: 'assistant', content: [{ type: 'text', text: 'old answer' }] },
    { role: 'user', content: '/help', idempotencyKey: 'key-1:user', __openclaw: { idempotencyKey: 'key-1:user' } },
    { role: 'assistant', content: [{ type: 'text', text: 'ℹ️ Help' }], idempotencyKey: 'key-1', __openclaw: { idempotencyKey: 'key-1' } },
    { role: 'user', content: 'echo: x', __openclaw: { idempotencyKey: 'key-2:user' } },
    { role: 'assistant', content: [{ type: 'text', text: 'x' }], __openclaw: { runId: 'key-2' } },
    { role: 'user', content: 'hi', __openclaw: { idempotencyKey: 'key-3:user' } },
    { role: 'assistant', content: 'plain' },
  ] };
  expect(answerFromHistory(history, 'key-1')).toMatchObject({ status: 'final', text: 'ℹ️ Help', queued: false });
  expect(answerFromHistory(history, 'key-2')).toMatchObject({ status: 'final', text: 'x', queued: false });
  expect(answerFromHistory(history, 'key-3')).toMatchObject({ status: 'final', text: 'plain', queued: false });
  expect(answerFromHistory(history, 'missing')).toBeUndefined();
  expect(answerFromHistory({ nope: 1 }, 'key-1')).toBeUndefined();
  expect(isReplayStatus('started')).toBe(false);
  expect(isReplayStatus('in_flight')).toBe(false);
  expect(isReplayStatus('ok')).toBe(true);
});
