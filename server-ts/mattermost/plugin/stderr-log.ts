// Logging before (or without) the API stream. The host parses each stderr line; a JSON line
// with non-string @message/@level can crash the Mattermost server, so we only ever write
// plain "[LEVEL] text" lines, one per call, with newlines flattened.
import { inspect } from 'node:util';

export type StderrLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export function stderrLog(level: StderrLevel, message: string): void {
  const line = `[${level}] ${message.replace(/[\r\n]+/g, ' ')}`.slice(0, 8192);
  process.stderr.write(`${line}\n`);
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  // A thrown string reads as itself; anything else as Node prints it, never "[object Object]".
  return typeof err === 'string' ? err : inspect(err, { depth: 2, breakLength: Infinity });
}
