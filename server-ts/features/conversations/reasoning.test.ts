import { stripReasoning } from './reasoning';

test.each([
  ['The answer is 42.', 'The answer is 42.'],
  ['<think>Pondering…</think>The answer is 43.', 'The answer is 43.'],
  ['> Reasoning: let me think\n> step two\n\nThe answer.', 'The answer.'],
  ['> **Reasoning:**\n> one\n\n> two\n\nAnswer here.\n\nMore.', 'Answer here.\n\nMore.'],
  ['Reasoning:\n_first I…_\n\nFinal text', 'Final text'],
  ['> Thinking\n> hmm\n\nDone', 'Done'],
  ['> a real quote\n\nabout reasoning: no header here', '> a real quote\n\nabout reasoning: no header here'],
])('%j → %j', (input, expected) => {
  expect(stripReasoning(input)).toBe(expected);
});
