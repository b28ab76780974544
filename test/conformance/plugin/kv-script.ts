// KVCompareAndSet / KVSetWithOptions: atomic semantics and expiry, step by step.
import type { PluginAPI } from '../../../server-ts/mattermost/plugin/api';
import { text, type Script } from './script';

export async function kvScript(api: PluginAPI, s: Script): Promise<void> {
  await s.run('KVCompareAndSet absent', () => api.kvCompareAndSet('cas', null, 'v1'));
  await s.run('KVCompareAndSet present', () => api.kvCompareAndSet('cas', null, 'v2'));
  await s.run('KVCompareAndSet wrong old', () => api.kvCompareAndSet('cas', 'nope', 'v2'));
  await s.run('KVCompareAndSet', () => api.kvCompareAndSet('cas', 'v1', 'v2'));
  await s.run('KVGet cas', () => api.kvGet('cas'), text);
  await s.run('KVSetWithOptions plain', () => api.kvSetWithOptions('opt', 'a', {}));
  await s.run('KVSetWithOptions atomic wrong old', () => api.kvSetWithOptions('opt', 'b', { Atomic: true, OldValue: Buffer.from('x') }));
  await s.run('KVSetWithOptions atomic', () => api.kvSetWithOptions('opt', 'b', { Atomic: true, OldValue: Buffer.from('a') }));
  await s.run('KVGet opt', () => api.kvGet('opt'), text);
  await s.run('KVSetWithOptions old value without atomic', () => api.kvSetWithOptions('opt', 'c', { OldValue: Buffer.from('b') }));
  await s.run('KVSetWithOptions empty key', () => api.kvSetWithOptions('', 'c', {}));
  await s.run('KVSetWithOptions expiring', () => api.kvSetWithOptions('exp', 'soon', { ExpireInSeconds: 60 }));
  await s.run('KVGet expiring', () => api.kvGet('exp'), text);
  await s.run('KVSetWithOptions nil deletes', () => api.kvSetWithOptions('opt', null, {}));
  await s.run('KVGet deleted', () => api.kvGet('opt'), text);
}

/** After the suite moved the harness clock past the expiry of "exp". */
export async function kvExpiryScript(api: PluginAPI, s: Script): Promise<void> {
  await s.run('KVGet expired', () => api.kvGet('exp'), text);
  await s.run('KVCompareAndSet expired is absent', () => api.kvCompareAndSet('exp', null, 'again'));
  await s.run('KVSetWithOptions atomic on expired', () => api.kvSetWithOptions('exp', 'lost', { Atomic: true, OldValue: Buffer.from('soon') }));
  await s.run('KVGet exp', () => api.kvGet('exp'), text);
}
