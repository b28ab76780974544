import { fencesBalanced } from '../conversations/split-reply';
import { finalMessages } from './final-messages';

const CUT_IN_CODE = 'Here is the script:\n\n```bash\necho one\necho two';

test('a reply stopped inside a code block gets the block closed before the stop line', () => {
  const { state, messages } = finalMessages({ status: 'aborted', text: '' }, CUT_IN_CODE);
  expect(state).toBe('stopped');
  expect(messages).toHaveLength(1);
  expect(messages[0]).toBe(`${CUT_IN_CODE}\n\`\`\`\n\n:stop_sign: OpenClaw stopped before finishing this reply.`);
  expect(fencesBalanced(messages[0])).toBe(true);
});

test('a failure inside a ~~~ block closes it with the same fence; balanced text is left alone', () => {
  const failed = finalMessages({ status: 'error', kind: 'model', message: 'boom' }, 'x\n~~~~\ncode');
  expect(failed.messages[0]).toBe('x\n~~~~\ncode\n~~~~\n\n:x: The model failed to answer: boom');
  const closed = finalMessages({ status: 'aborted', text: '' }, 'a\n```\nb\n```\nafter');
  expect(closed.messages[0]).toBe('a\n```\nb\n```\nafter\n\n:stop_sign: OpenClaw stopped before finishing this reply.');
});
