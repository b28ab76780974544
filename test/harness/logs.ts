// The server's JSON log (LogSettings.FileJson). Plugin log calls and the
// plugin's stderr end up here, tagged with plugin_id.
import { existsSync, readFileSync } from 'node:fs';

export interface LogLine {
  timestamp?: string;
  level?: string;
  msg?: string;
  plugin_id?: string;
  [key: string]: unknown;
}

export function readLog(logFile: string): LogLine[] {
  if (!existsSync(logFile)) return [];
  const lines: LogLine[] = [];
  for (const text of readFileSync(logFile, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    try {
      lines.push(JSON.parse(text) as LogLine);
    } catch {
      // A half-written last line; it will be complete on the next read.
    }
  }
  return lines;
}

export function pluginLog(logFile: string, pluginId = 'openclaw'): LogLine[] {
  return readLog(logFile).filter((l) => l.plugin_id === pluginId);
}

/** Remembers the current end of the log so a test can look only at what came after. */
export function logMark(logFile: string): () => LogLine[] {
  const start = readLog(logFile).length;
  return () => readLog(logFile).slice(start);
}
