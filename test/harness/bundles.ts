// The plugin bundle from dist/ and deliberately broken variants of it, built
// by unpacking the real bundle and repacking it with the system `tar`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';
import { runCommand } from './proc';

const REPO = REPO_ROOT;

/**
 * The bundle to test, or $OPENCLAW_BUNDLE. `npm run build` writes a universal
 * bundle (openclaw-<v>.tar.gz) and per-arch ones (openclaw-<v>-linux-<arch>.tar.gz);
 * take the newest that can run here (a build with --arch refreshes only one).
 */
export function distBundlePath(): string {
  if (process.env.OPENCLAW_BUNDLE) return process.env.OPENCLAW_BUNDLE;
  const dist = join(REPO, 'dist');
  const all = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.tar.gz')) : [];
  const ownArch = `-linux-${process.arch === 'arm64' ? 'arm64' : 'amd64'}.tar.gz`;
  const runsHere = (f: string): boolean => !/-linux-[a-z0-9]+\.tar\.gz$/.test(f) || f.endsWith(ownArch);
  const newest = all
    .filter(runsHere)
    .map((f) => join(dist, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`no plugin bundle in ${dist}: run \`npm run build\` first (or set OPENCLAW_BUNDLE)`);
  return newest;
}

export const readDistBundle = (): Buffer => readFileSync(distBundlePath());

/** Unpacks a bundle, lets `edit` change the tree (root folder passed in), repacks it. */
export async function repackBundle(bundle: string, edit: (root: string) => void): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'ocbundle-'));
  try {
    const tree = join(work, 'tree');
    await runCommand('mkdir', ['-p', tree]);
    await runCommand('tar', ['-xzf', bundle, '-C', tree]);
    // Bundles hold one top-level folder named after the plugin id.
    const top = readdirSync(tree);
    const root = top.length === 1 && top[0] ? join(tree, top[0]) : tree;
    edit(root);
    const out = join(work, 'out.tar.gz');
    await runCommand('tar', ['-czf', out, '-C', tree, ...readdirSync(tree)]);
    return readFileSync(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Manifest = { server?: { executables?: Record<string, string>; executable?: string } } & Record<string, unknown>;

/** The real bundle, but plugin.json offers only a linux-arm64 server executable. */
export function wrongArchitectureBundle(bundle = distBundlePath()): Promise<Buffer> {
  return repackBundle(bundle, (root) => {
    const path = join(root, 'plugin.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    const executables = manifest.server?.executables ?? {};
    const arm = executables['linux-arm64'] ?? 'server/dist/plugin-linux-arm64';
    manifest.server = { executables: { 'linux-arm64': arm } };
    // Make sure the amd64 binary really is gone, so nothing could fall back to it.
    for (const [key, file] of Object.entries(executables)) {
      if (key !== 'linux-arm64') rmSync(join(root, file), { force: true });
    }
    writeFileSync(path, JSON.stringify(manifest, null, 2));
  });
}

/** The real bundle with a plugin.json that is not valid JSON. */
export function badManifestBundle(bundle = distBundlePath()): Promise<Buffer> {
  return repackBundle(bundle, (root) => writeFileSync(join(root, 'plugin.json'), '{"id": "openclaw", "version": '));
}

/** Bytes that start like a gzip stream and then are garbage. */
export function corruptBundle(): Buffer {
  const garbage = Buffer.alloc(4096, 0x5a);
  garbage[0] = 0x1f;
  garbage[1] = 0x8b;
  return garbage;
}
