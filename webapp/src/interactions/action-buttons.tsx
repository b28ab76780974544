// The buttons of a pending interactive post, drawn by us because Mattermost does not render
// attachments under a plugin's post type. A press goes through Mattermost's action endpoint
// exactly as its own buttons do; while it is on its way every button of the post waits.
import { useState, type ReactNode } from 'react';
import { Markdown } from '../host/markdown';
import type { Attachment } from './wire';

const STYLES = new Set(['primary', 'danger', 'default', 'good', 'warning', 'success']);

export interface ActionButtonsProps {
  postId: string;
  attachments: Attachment[];
  press: (postId: string, actionId: string) => Promise<void>;
}

export function ActionButtons({ postId, attachments, press }: ActionButtonsProps): ReactNode {
  const [pressing, setPressing] = useState<string>();
  const [error, setError] = useState<string>();
  const onPress = (actionId: string) => {
    setPressing(actionId);
    setError(undefined);
    press(postId, actionId).then(
      () => setPressing(undefined),
      (err: unknown) => {
        setPressing(undefined);
        setError(`The click did not reach Mattermost: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  };
  return (
    <div className="openclaw-actions" data-testid="openclaw-actions">
      {attachments.map((a, i) => (
        <div key={i} className="openclaw-actions__attachment">
          {a.text && <div className="openclaw-actions__text"><Markdown postId={postId} text={a.text} /></div>}
          <div className="openclaw-actions__buttons">
            {(a.actions ?? []).map((b) => (
              <button
                key={b.id} type="button" data-action-id={b.id} disabled={pressing !== undefined}
                className={`openclaw-actions__button openclaw-actions__button--${STYLES.has(b.style ?? '') ? b.style : 'default'}`}
                onClick={() => onPress(b.id)}
              >
                {pressing === b.id ? `${b.name}…` : b.name}
              </button>
            ))}
          </div>
        </div>
      ))}
      {error && <div className="openclaw-actions__error" role="alert">{error}</div>}
    </div>
  );
}
