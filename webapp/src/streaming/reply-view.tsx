// How one reply looks in each state: its text (host markdown, or plain text without a host
// pipeline or for a post we do not trust), a cursor and the status line while it streams, a Stop
// button for whoever may stop it, and a note when it ended other than normally (until the final
// post, whose message says so itself, arrives). Reasoning, when the session shows it, sits above
// the answer in a collapsible section: open while it streams before any answer, closed after.
import type { ReactNode } from 'react';
import { PlainText } from '../host/markdown';
import { ReplyText } from './reply-text';
import type { ReplyState } from './wire';

export interface ReplyViewProps {
  postId: string;
  text: string;
  state: ReplyState;
  status: string;
  /** The model's reasoning ('' when the session hides it). Plain text: it is a draft, not the answer. */
  reasoning: string;
  /** Only bot posts get markdown and live controls; anything else is its plain message. */
  trusted: boolean;
  /** The stored post is final: its message already ends with the server's line on how the run ended. */
  endedInText?: boolean;
  stop?: { onStop: () => void; stopping: boolean; error?: string };
}

const NOTES: Partial<Record<ReplyState, string>> = {
  stopped: 'Stopped before the answer was complete.',
  error: 'The answer could not be completed.',
};

export function ReplyView({ postId, text, state, status, reasoning, trusted, endedInText, stop }: ReplyViewProps): ReactNode {
  if (!trusted) {
    return (
      <div className="openclaw-reply openclaw-reply--untrusted" data-post-id={postId} data-state="untrusted">
        <PlainText text={text} />
      </div>
    );
  }
  const streaming = state === 'streaming';
  return (
    <div className={streaming ? 'openclaw-reply openclaw-reply--streaming' : 'openclaw-reply'} data-post-id={postId} data-state={state}>
      {reasoning && (
        <details className="openclaw-reply__reasoning" data-testid="openclaw-reply-reasoning" open={streaming && !text}>
          <summary>Reasoning</summary>
          <div className="openclaw-reply__reasoning-text" data-testid="openclaw-reply-reasoning-text">{reasoning}</div>
        </details>
      )}
      <div className="openclaw-reply__body" data-testid="openclaw-reply-text">
        {text ? <ReplyText postId={postId} text={text} /> : streaming && <span className="openclaw-reply__cursor-only" />}
      </div>
      {streaming && status && <div className="openclaw-reply__status" data-testid="openclaw-reply-status">{status}</div>}
      {!streaming && !endedInText && NOTES[state] && <div className="openclaw-reply__note" data-testid="openclaw-reply-note">{NOTES[state]}</div>}
      {streaming && stop && (
        <button type="button" className="openclaw-reply__stop" data-testid="openclaw-reply-stop" disabled={stop.stopping} onClick={stop.onStop}>
          {stop.stopping ? 'Stopping…' : 'Stop'}
        </button>
      )}
      {stop?.error && <div className="openclaw-reply__note" role="alert">{stop.error}</div>}
    </div>
  );
}
