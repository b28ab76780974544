// The body of the status panel for each link state, in words an admin acts on.
import type { ReactNode } from 'react';
import type { GatewayStatus } from './api';
import { CopyCommand } from './copy-command';
import { muted, STATE_COLORS } from './styles';
import { ago } from './time';

const TITLES: Record<GatewayStatus['status'], string> = {
  disabled: 'Not connected',
  connecting: 'Connecting…',
  'pairing-required': 'Waiting for the OpenClaw operator to approve this device',
  connected: 'Connected',
  error: 'Cannot connect',
};

export function StateBadge({ status }: { status: GatewayStatus['status'] }): ReactNode {
  return (
    <span data-testid="openclaw-status-state" data-status={status} style={{ display: 'inline-flex', alignItems: 'center', gap: 8, fontWeight: 600, fontSize: 16 }}>
      <span style={{ width: 10, height: 10, borderRadius: 5, background: STATE_COLORS[status] }} />
      {TITLES[status]}
    </span>
  );
}

export function StateDetails({ s }: { s: GatewayStatus }): ReactNode {
  switch (s.status) {
    case 'disabled':
      return <p>{s.reason ? `The plugin is not connecting: ${s.reason}.` : 'The plugin is not connecting.'} Enter the gateway URL and token below, then Save.</p>;
    case 'connecting':
      return <p>Dialing {s.url}.</p>;
    case 'pairing-required':
      return (
        <div>
          {s.pairingReason === 'scope-upgrade' && (
            <p style={{ margin: '4px 0' }} data-testid="openclaw-scope-upgrade">
              <strong>Waiting for approval of the admin scope</strong> (operator.admin, asked for by <em>Allow session resets</em>).
            </p>
          )}
          <p style={{ margin: '4px 0' }}>
            The gateway accepted the credentials and created pairing request <strong data-testid="openclaw-request-id">{s.requestId}</strong>.
            Ask the OpenClaw operator to run this on the gateway host:
          </p>
          <CopyCommand command={s.approveCommand ?? `openclaw devices approve ${s.requestId ?? ''}`} />
          <p style={muted}>This page updates by itself once the request is approved; no restart is needed.</p>
        </div>
      );
    case 'connected':
      return (
        <div>
          <p style={{ margin: '4px 0' }}>OpenClaw gateway <strong data-testid="openclaw-gateway-version">{s.gatewayVersion}</strong>.</p>
          <p style={{ margin: '4px 0' }}>Granted scopes: <span data-testid="openclaw-scopes">{(s.scopes ?? []).join(', ') || 'none'}</span></p>
        </div>
      );
    case 'error':
      return (
        <div>
          <p style={{ margin: '4px 0' }} data-testid="openclaw-status-reason">{s.reason}</p>
          <p style={muted}>{s.retrying ? 'The plugin keeps retrying on its own.' : 'Only a change of the settings below can fix this.'}</p>
        </div>
      );
  }
}

export function LastChange({ s }: { s: GatewayStatus }): ReactNode {
  const showError = s.lastError && s.status !== 'error' && s.status !== 'connected';
  return (
    <div style={muted}>
      {s.changedAt ? <span data-testid="openclaw-status-changed">Since {new Date(s.changedAt).toLocaleString()} ({ago(s.changedAt)}).</span> : null}
      {showError ? <div data-testid="openclaw-last-error">Last error {ago(s.lastError!.at)}: {s.lastError!.reason}</div> : null}
    </div>
  );
}
