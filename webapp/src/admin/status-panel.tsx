// The live status at the top of the plugin's settings: the gateway link as it is now, refreshed
// every few seconds while the page is open, with Test connection and Reset device.
import type { ReactNode } from 'react';
import { consoleApi } from './api';
import { ResetDevice } from './reset-device';
import { LastChange, StateBadge, StateDetails } from './state-view';
import { muted, panel } from './styles';
import { TestConnection } from './test-connection';
import type { CustomSettingProps } from './types';
import { usePoll } from './use-poll';

export const STATUS_POLL_MS = 3_000;

export function StatusPanel(_props: CustomSettingProps): ReactNode {
  const { data, error, refresh } = usePoll(consoleApi.status, STATUS_POLL_MS);
  return (
    <div style={panel} data-testid="openclaw-status-panel">
      <div style={{ ...muted, textTransform: 'uppercase', letterSpacing: 0.5, marginBottom: 6 }}>OpenClaw gateway connection</div>
      {data ? (
        <>
          <StateBadge status={data.status} />
          <StateDetails s={data} />
          <LastChange s={data} />
        </>
      ) : (
        <p>{error ? '' : 'Loading the connection status…'}</p>
      )}
      {error && <p style={{ color: 'var(--error-text, #d24b4e)' }} data-testid="openclaw-status-error">Could not read the status: {error}</p>}
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 12, flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 320px' }}><TestConnection /></div>
        <div><ResetDevice onDone={refresh} /></div>
      </div>
      <p style={{ ...muted, marginTop: 8 }}>Test connection checks the values on this page, saved or not, without changing the live connection.</p>
    </div>
  );
}
