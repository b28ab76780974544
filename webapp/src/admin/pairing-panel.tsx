// DM pairing requests (DM policy "Pairing"): people waiting with a code, and the people let
// in, with Approve and Revoke. The same records as /oc_pairing.
import { useState, type ReactNode } from 'react';
import { consoleApi } from './api';
import { button, code, dangerButton, muted, panel } from './styles';
import { ago } from './time';
import type { CustomSettingProps } from './types';
import { usePoll } from './use-poll';

const cell = { padding: '6px 12px 6px 0', verticalAlign: 'middle' } as const;

export function PairingPanel(_props: CustomSettingProps): ReactNode {
  const { data, error, refresh } = usePoll(consoleApi.pairing, 10_000);
  const [actionError, setActionError] = useState<string>();
  const act = (action: Promise<unknown>): void => {
    setActionError(undefined);
    action.then(refresh, (err: unknown) => setActionError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <div style={{ ...panel, margin: 0 }} data-testid="openclaw-pairing-panel">
      <div style={{ fontWeight: 600, marginBottom: 4 }}>Pending requests</div>
      {!data ? <p style={muted}>{error ? '' : 'Loading…'}</p> : data.pending.length === 0 ? <p style={muted}>No one is waiting.</p> : (
        <table><tbody>
          {data.pending.map((p) => (
            <tr key={p.code} data-testid="openclaw-pairing-pending">
              <td style={cell}>@{p.username}</td>
              <td style={cell}><span style={code}>{p.code}</span></td>
              <td style={{ ...cell, ...muted }}>{ago(p.createdAt)}</td>
              <td style={cell}><button type="button" style={button} onClick={() => act(consoleApi.approve(p.code))}>Approve</button></td>
            </tr>
          ))}
        </tbody></table>
      )}
      <div style={{ fontWeight: 600, margin: '12px 0 4px' }}>Approved</div>
      {data && (data.approved.length === 0 ? <p style={muted}>No one yet.</p> : (
        <table><tbody>
          {data.approved.map((a) => (
            <tr key={a.userId} data-testid="openclaw-pairing-approved">
              <td style={cell}>@{a.username}</td>
              <td style={{ ...cell, ...muted }}>by @{a.approvedBy}, {ago(a.approvedAt)}</td>
              <td style={cell}><button type="button" style={dangerButton} onClick={() => act(consoleApi.revoke(a.userId))}>Revoke</button></td>
            </tr>
          ))}
        </tbody></table>
      ))}
      {(error ?? actionError) && <p style={{ color: 'var(--error-text, #d24b4e)' }}>{error ?? actionError}</p>}
    </div>
  );
}
