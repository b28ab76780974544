// Streaming settings of the System Console (plugin.json): the preview mode and how often the
// growing post is written to the database. A bad value falls back to its default and is reported.
import { z } from 'zod';

export const STREAMING_MODES = ['partial', 'block', 'progress', 'off'] as const;
export type StreamingMode = (typeof STREAMING_MODES)[number];

export interface StreamingSettings {
  mode: StreamingMode;
  /** Seconds between checkpoint writes of the growing post; 0 = only the final write. */
  checkpointSeconds: number;
}

export const DEFAULT_STREAMING: StreamingSettings = { mode: 'partial', checkpointSeconds: 5 };

const Mode = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(STREAMING_MODES));
const Seconds = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().int().min(0).max(3600));

export function readStreamingSettings(raw: unknown): { settings: StreamingSettings; problems: string[] } {
  const lowered = new Map<string, unknown>();
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) lowered.set(k.toLowerCase(), v);
  const problems: string[] = [];
  const read = <T>(key: string, label: string, schema: z.ZodType<T>, fallback: T): T => {
    const v = lowered.get(key);
    if (v === undefined || v === null || v === '') return fallback;
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data;
    problems.push(`${label}: ${JSON.stringify(v)?.slice(0, 40) ?? 'this value'} is not valid; using ${String(fallback)}`);
    return fallback;
  };
  return {
    settings: {
      mode: read('streamingmode', 'Streaming mode', Mode, DEFAULT_STREAMING.mode),
      checkpointSeconds: read('streamingcheckpointseconds', 'Checkpoint interval (seconds)', Seconds, DEFAULT_STREAMING.checkpointSeconds),
    },
    problems,
  };
}
