import { renderToStaticMarkup } from 'react-dom/server';
import type { GatewayStatus } from './api';
import { editedSnapshot, editedValues, forgetEdited, setEdited, subscribeEdits } from './edits';
import { LastChange, StateBadge, StateDetails } from './state-view';
import { ago } from './time';

const text = (html: string): string => html.replace(/<[^>]+>/g, '');
const render = (s: GatewayStatus): string => text(renderToStaticMarkup(<><StateBadge status={s.status} /><StateDetails s={s} /><LastChange s={s} /></>));

test('each state in words: what is wrong, the exact approve command, version and scopes', () => {
  expect(render({ status: 'disabled', summary: '', reason: 'the gateway URL and token are not set yet' }))
    .toContain('Not connectedThe plugin is not connecting: the gateway URL and token are not set yet.');
  const pairing = render({ status: 'pairing-required', summary: '', requestId: 'r-1', approveCommand: 'openclaw devices approve r-1' });
  expect(pairing).toContain('pairing request r-1');
  expect(pairing).toContain('openclaw devices approve r-1');
  expect(render({ status: 'connected', summary: '', gatewayVersion: '2026.9.6', scopes: ['operator.read', 'operator.write'] }))
    .toContain('OpenClaw gateway 2026.9.6.Granted scopes: operator.read, operator.write');
  const error = render({ status: 'error', summary: '', reason: 'Gateway unreachable at ws://x: connection refused', retrying: false, changedAt: Date.now() });
  expect(error).toContain('Cannot connectGateway unreachable at ws://x: connection refused');
  expect(error).toContain('Only a change of the settings below can fix this.');
  expect(error).toContain('(just now)');
});

test('while connecting again, the last error and when it happened stay visible', () => {
  const html = render({ status: 'connecting', summary: '', url: 'ws://x', changedAt: Date.now(), lastError: { reason: 'login failed', at: Date.now() - 120_000 } });
  expect(html).toContain('Last error 2 min ago: login failed');
});

test('edits: a change notifies, the snapshot compares values, forgetting drops a field', () => {
  let calls = 0;
  const stop = subscribeEdits(() => { calls += 1; });
  setEdited('GatewayURL', 'ws://a');
  const first = editedSnapshot();
  setEdited('GatewayURL', 'ws://a'); // unchanged: no news
  expect(calls).toBe(1);
  setEdited('GatewayToken', 't');
  expect(editedValues()).toEqual({ GatewayURL: 'ws://a', GatewayToken: 't' });
  forgetEdited('GatewayToken');
  expect(editedSnapshot()).toBe(first);
  stop();
  forgetEdited('GatewayURL');
  expect(calls).toBe(3);
});

test('ago', () => {
  expect(ago(1_000, 5_000)).toBe('just now');
  expect(ago(0, 5_000)).toBe('');
  expect(ago(1_000, 1_000 + 45_000)).toBe('45 s ago');
  expect(ago(1_000, 1_000 + 3 * 3_600_000)).toBe('3 h ago');
  expect(ago(1_000, 1_000 + 72 * 3_600_000)).toBe('3 days ago');
});
