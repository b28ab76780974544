import { readMessageText } from './message-content';
import { splitReasoning } from './reasoning';

describe('splitReasoning', () => {
  it.each([
    ['plain answer', 'The answer is 42.', 'The answer is 42.', ''],
    ['think tags', '<think>Pondering…</think>The answer is 43.', 'The answer is 43.', 'Pondering…'],
    ['a think tag still open while streaming', 'Sure. <thinking>half a thou', 'Sure.', 'half a thou'],
    ['quoted Reasoning preamble', '> Reasoning:\n> _Let me think._\n> _Step two._\n\nThe answer is 44.', 'The answer is 44.', 'Let me think.\nStep two.'],
    ['Thinking preamble', 'Thinking\n\n_weighing options_\n\nGo with B.', 'Go with B.', 'weighing options'],
    ['a sentence starting with Thinking is not a preamble', 'Thinking about it, yes.', 'Thinking about it, yes.', ''],
    ['"Thinking" heading without italic lines stays', 'Thinking\n\nwe should ship', 'Thinking\n\nwe should ship', ''],
  ])('%s', (_name, input, text, reasoning) => {
    expect(splitReasoning(input)).toEqual({ text, reasoning });
  });
});

describe('readMessageText', () => {
  it('keeps thinking parts out of the text', () => {
    const message = { role: 'assistant', content: [{ type: 'thinking', thinking: 'step by step' }, { type: 'text', text: 'The answer is 42.' }] };
    expect(readMessageText(message)).toEqual({ text: 'The answer is 42.', reasoning: 'step by step' });
  });

  it('reads string content and tolerates junk', () => {
    expect(readMessageText({ role: 'assistant', content: 'hi' })).toEqual({ text: 'hi', reasoning: '' });
    expect(readMessageText(undefined)).toEqual({ text: '', reasoning: '' });
    expect(readMessageText({ content: 42 })).toEqual({ text: '', reasoning: '' });
  });
});
