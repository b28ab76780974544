// A strip at the bottom of the page that says what the bed saw: WebSocket state, each plugin and
// whether its initialize ran, what it registered, and any error. It is for people looking at the
// page or a screenshot; tests read the same facts from window.__openclawBed.
import { useEffect, useState, type ReactNode } from 'react';
import { onRecordChange, record } from '../record';
import { wsState } from '../ws/connect';

export function BedStatus(): ReactNode {
  const [, tick] = useState(0);
  useEffect(() => onRecordChange(() => tick((n) => n + 1)), []);
  const plugins = Object.entries(record.initialized);
  return (
    <footer className="bed-status" data-ws={wsState()}>
      <span>WebSocket: {wsState()}</span>
      {plugins.length === 0 && <span>no webapp plugins</span>}
      {plugins.map(([id, outcome]) => (
        <span key={id} className="bed-status__plugin" data-plugin-id={id} data-initialized={outcome}>
          {id}: initialize {outcome};{' '}
          {record.registryCalls
            .filter((c) => c.pluginId === id)
            .map((c) => `${c.method}(${c.args.join(', ')})`)
            .join(' ')}
        </span>
      ))}
      {record.errors.length > 0 && <span className="bed-status__errors">errors: {record.errors.join(' | ')}</span>}
    </footer>
  );
}
