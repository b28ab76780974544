// Shared helpers for the build tests. The build is plain ESM (.mjs) so it runs without a TS
// step, while jest here runs CommonJS; so tests call build functions in a child Node process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const BUILD = path.join(ROOT, 'build');

/**
 * A fresh scratch folder under test/.work (git-ignored), unique per call because several
 * jest runs may share the checkout; removed when the calling test file finishes.
 * Call it at the top level of a test file (it registers an afterAll hook).
 */
export function workDir(name: string): string {
  const base = path.join(ROOT, 'test', '.work', 'build');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `${name}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Runs `await (await import(build/<mod> or an absolute path))[fn](...args)` in a child Node and returns its
 * JSON-serialisable result (or the export's value if it is not a function). Buffers in results come back as { type: 'Buffer', data }.
 */
export function callBuild<T = unknown>(mod: string, fn: string, ...args: unknown[]): T {
  const script = `
    const m = await import(${JSON.stringify(path.resolve(BUILD, mod))});
    const v = m[${JSON.stringify(fn)}];
    const result = typeof v === 'function' ? await v(...JSON.parse(process.env.BUILD_ARGS)) : v;
    process.stdout.write('\\n@@RESULT@@' + JSON.stringify(result ?? null));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, BUILD_ARGS: JSON.stringify(args) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const marker = r.stdout.lastIndexOf('@@RESULT@@');
  if (r.status !== 0 || marker === -1) {
    throw new Error(`${mod}#${fn} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return JSON.parse(r.stdout.slice(marker + '@@RESULT@@'.length)) as T;
}

/** The entries of a .tar.gz as GNU tar sees them: an independent reader, like Mattermost's. */
export function gnuTarList(file: string): { mode: string; owner: string; size: number; name: string }[] {
  const r = spawnSync('tar', ['--numeric-owner', '-tvzf', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [mode, owner, size, , , ...name] = line.split(/\s+/);
      return { mode, owner, size: Number(size), name: name.join(' ') };
    });
}
