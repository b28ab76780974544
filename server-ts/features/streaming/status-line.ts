// The one-line status shown under a growing reply: what the agent is doing right now.
// Plain text (no inline code: the webapp and mobile render it as it is), one short line.
import { z } from 'zod';

export const THINKING = 'Thinking…';
const MAX = 80;

// Tool arguments come from the model: only a few well-known string fields are shown.
const Args = z.object({
  command: z.string().optional(), cmd: z.string().optional(), path: z.string().optional(), file_path: z.string().optional(),
  url: z.string().optional(), query: z.string().optional(), pattern: z.string().optional(),
}).passthrough();

function oneLine(text: string): string {
  const line = text.replace(/[`\r]/g, '').split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}

/** "🔧 exec: ls -la" for a tool call that starts. */
export function toolLine(name: string, args: unknown): string {
  const a = Args.safeParse(args);
  const detail = a.success ? a.data.command ?? a.data.cmd ?? a.data.path ?? a.data.file_path ?? a.data.url ?? a.data.query ?? a.data.pattern : undefined;
  const tool = oneLine(name) || 'tool';
  return detail ? `🔧 ${tool}: ${oneLine(detail)}` : `🔧 ${tool}`;
}
