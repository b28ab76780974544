// "Reset device": forgets the plugin's gateway identity. It needs a second, explicit click:
// the gateway then sees a new device that the OpenClaw operator must approve again.
import { useState, type ReactNode } from 'react';
import { consoleApi } from './api';
import { button, dangerButton, dangerFilled, note } from './styles';

export function ResetDevice({ onDone }: { onDone: () => void }): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const reset = (): void => {
    setError(undefined);
    consoleApi.resetDevice().then(
      () => { setConfirming(false); onDone(); },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  if (!confirming) {
    return <button type="button" style={dangerButton} onClick={() => setConfirming(true)} data-testid="openclaw-reset-device">Reset device</button>;
  }
  return (
    <div style={note(false)} data-testid="openclaw-reset-confirm">
      <p style={{ margin: '0 0 8px' }}>
        Reset the plugin&apos;s device identity? The gateway forgets this Mattermost server and the OpenClaw operator must approve a new pairing request.
      </p>
      <button type="button" style={dangerFilled} onClick={reset} data-testid="openclaw-reset-confirm-yes">Reset and pair again</button>
      <button type="button" style={button} onClick={() => setConfirming(false)}>Cancel</button>
      {error && <p style={{ color: 'var(--error-text, #d24b4e)' }}>{error}</p>}
    </div>
  );
}
