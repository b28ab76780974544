// The per-run temp folder is deleted when the bed stops; its logs are worth
// keeping (a failed CI run is debugged from them), so they are copied to
// test/.work/logs/<label>/ first. That folder is git-ignored.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from './paths';

export const LOGS_ROOT = process.env.OPENCLAW_LOG_DIR ?? join(REPO_ROOT, 'test', '.work', 'logs');

/** Copies the server's log files; returns the folder, or undefined when there was nothing to keep. */
export function keepLogs(dir: string | undefined, label: string): string | undefined {
  if (!dir) return undefined;
  const files = [join(dir, 'logs', 'mattermost.log'), join(dir, 'console.log')].filter((f) => existsSync(f));
  if (files.length === 0) return undefined;
  const target = join(LOGS_ROOT, label.replace(/[^\w.-]+/g, '_'));
  mkdirSync(target, { recursive: true });
  for (const f of files) copyFileSync(f, join(target, basename(f)));
  return target;
}
