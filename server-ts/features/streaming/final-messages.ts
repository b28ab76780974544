// What the reply post (and its follow-ups) says once the run is over: the answer split to
// fit posts; after a failure or a Stop, the partial text plus one clear line.
import type { AgentOutcome } from '../conversations/agent-port';
import { failureLine } from '../conversations/reply-presenter';
import { stripReasoning } from '../conversations/reasoning';
import { closeOpenFence, MAX_POST_CHARS, splitReply } from '../conversations/split-reply';
import type { StreamState } from './post-type';

export const EMPTY_ANSWER = '_OpenClaw finished without a text answer._';

export interface FinalMessages {
  state: Exclude<StreamState, 'streaming'>;
  /** The answer's text as the deltas should have built it ('' after a failure: the line is not part of the stream). */
  answer: string;
  messages: string[];
}

export function finalMessages(outcome: AgentOutcome, streamed: string): FinalMessages {
  if (outcome.status === 'final') {
    const answer = stripReasoning(outcome.text);
    return { state: 'done', answer, messages: splitReply(answer) };
  }
  const partial = outcome.status === 'aborted' ? stripReasoning(outcome.text || streamed) : stripReasoning(streamed);
  const line = failureLine(outcome);
  // A reply cut inside a code block: close it, or the line would read as code.
  const messages = splitReply(partial).map(closeOpenFence);
  const last = messages.length - 1;
  if (last >= 0 && messages[last].length + line.length + 2 <= MAX_POST_CHARS) messages[last] = `${messages[last]}\n\n${line}`;
  else messages.push(line);
  return { state: outcome.status === 'aborted' ? 'stopped' : 'error', answer: partial, messages };
}

/** The growing post's message at a checkpoint: readable as it is, within one post. */
export function previewMessage(text: string, placeholder: string): string {
  if (!text.trim()) return placeholder;
  return text.length > MAX_POST_CHARS ? `${text.slice(0, MAX_POST_CHARS - 1)}…` : text;
}
