// The exact approve command with a Copy button: the admin hands it to the OpenClaw operator.
import { useState, type ReactNode } from 'react';
import { button, code } from './styles';

export function CopyCommand({ command }: { command: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    // The clipboard API needs a secure context; elsewhere the text stays selectable (user-select: all).
    navigator.clipboard?.writeText(command).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '8px 0' }}>
      <code style={code} data-testid="openclaw-approve-command">{command}</code>
      <button type="button" style={button} onClick={copy} data-testid="openclaw-copy-command">{copied ? 'Copied' : 'Copy'}</button>
    </div>
  );
}
