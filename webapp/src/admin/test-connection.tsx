// "Test connection": checks the values on the page (saved or not) against the gateway once,
// and says in words how the gateway answered. The live connection is not touched. An answer
// is shown only while the values are the ones tested: it is about them, not about later edits.
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { consoleApi, type TestAnswer } from './api';
import { editedSnapshot, editedValues, subscribeEdits } from './edits';
import { note, primaryButton } from './styles';

export function TestConnection(): ReactNode {
  const current = useSyncExternalStore(subscribeEdits, editedSnapshot);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ of: string; result: TestAnswer }>();
  const run = (): void => {
    const of = editedSnapshot();
    setBusy(true);
    setAnswer(undefined);
    consoleApi.testConnection(editedValues()).then(
      (result) => setAnswer({ of, result }),
      (err: unknown) => setAnswer({ of, result: { ok: false, outcome: 'failed', message: err instanceof Error ? err.message : String(err) } }),
    ).finally(() => setBusy(false));
  };
  const shown = answer?.of === current ? answer.result : undefined;
  return (
    <div>
      <button type="button" style={primaryButton} disabled={busy} onClick={run} data-testid="openclaw-test-connection">
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      {shown && (
        <div style={note(shown.ok)} data-testid="openclaw-test-result" data-ok={String(shown.ok)} data-outcome={shown.outcome}>
          {shown.message}
        </div>
      )}
    </div>
  );
}
