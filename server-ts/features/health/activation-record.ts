// Counts activations in the KV store: proves the KV round trip on every start and tells
// admins (through /health) how often the plugin was restarted.
import { z } from 'zod';
import type { PluginAPI } from '../../mattermost/plugin';

const KEY = 'activation';
const RecordSchema = z.object({ count: z.number().int().nonnegative(), lastActivatedAt: z.number() });
export type ActivationRecord = z.infer<typeof RecordSchema>;

export async function recordActivation(api: Pick<PluginAPI, 'kvGet' | 'kvSet'>, now = Date.now()): Promise<ActivationRecord> {
  const stored = await api.kvGet(KEY);
  let previous = 0;
  if (stored) {
    const parsed = RecordSchema.safeParse(safeJson(Buffer.from(stored).toString('utf8')));
    // A damaged record is replaced rather than blocking activation.
    if (parsed.success) previous = parsed.data.count;
  }
  const record = { count: previous + 1, lastActivatedAt: now };
  await api.kvSet(KEY, JSON.stringify(record));
  const readBack = await api.kvGet(KEY);
  if (!readBack) throw new Error('KV store did not keep the activation record');
  return RecordSchema.parse(JSON.parse(Buffer.from(readBack).toString('utf8')));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
