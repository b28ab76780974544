// plugin.Context: who and what caused a hook call. All strings, absent when empty.
import { t, type Infer } from '../gob';

export const PluginContextType = t.struct('Context', () => [
  ['SessionId', t.string],
  ['ConnectionId', t.string],
  ['RequestId', t.string],
  ['IPAddress', t.string],
  ['AcceptLanguage', t.string],
  ['UserAgent', t.string],
]);
export type PluginContext = Infer<typeof PluginContextType>;
