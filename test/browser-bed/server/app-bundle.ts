// Bundles the host page's script (test/browser-bed/app) with esbuild, in memory, once per start.
// React runs in its development build: its warnings reach the browser console, where the e2e
// test treats any console error as a failure.
import { build } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from '../../harness/paths';

export const APP_DIR = join(REPO_ROOT, 'test', 'browser-bed', 'app');

export async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [join(APP_DIR, 'main.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    sourcemap: 'inline',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output for the browser bed page');
  return out.text;
}
