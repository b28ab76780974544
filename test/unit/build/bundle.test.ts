// Bundle layout, checked with small stand-in executables so it runs in a second: what
// Mattermost needs is structure (paths, plugin.json, modes), not the 100 MB binaries.
import fs from 'node:fs';
import path from 'node:path';
import { callBuild, gnuTarList, workDir } from './helpers';

type Bundle = { file: string; arches: string[]; size: number; limit: number };

const dir = workDir('bundle');
const manifest = callBuild<{ id: string; version: string }>('manifest.mjs', 'readManifest');
const exe = (arch: string) => {
  const f = path.join(dir, `fake-${arch}`);
  fs.writeFileSync(f, `#!/bin/sh\necho ${arch}\n`);
  return f;
};
const webappBundle = path.join(dir, 'main.js');
fs.writeFileSync(webappBundle, 'window.registerPlugin("openclaw", {});\n');
const executables = { amd64: exe('amd64'), arm64: exe('arm64') };

const write = (outDir: string, arches = ['amd64', 'arm64']) =>
  callBuild<Bundle[]>('bundle.mjs', 'writeBundles', { manifest, arches, executables, webappBundle, outDir, gzipLevel: 1 });

const first = write(path.join(dir, 'a'));
const base = `${manifest.id}-${manifest.version}`;

test('writes one combined and one bundle per arch, with their limits', () => {
  const MiB = 1024 * 1024;
  expect(first.map((b) => [path.basename(b.file), b.arches, b.limit])).toEqual([
    [`${base}.tar.gz`, ['amd64', 'arm64'], 80 * MiB],
    [`${base}-linux-amd64.tar.gz`, ['amd64'], 40 * MiB],
    [`${base}-linux-arm64.tar.gz`, ['arm64'], 40 * MiB],
  ]);
});

test.each([0, 1, 2])('bundle %i: plugin.json executables match the files, 0755, webapp present', (i) => {
  const b = first[i];
  const checked = callBuild<{ arches: string[] }>('verify.mjs', 'verifyBundle', b.file, { id: manifest.id, limit: b.limit });
  expect(checked.arches).toEqual(b.arches);
  const list = gnuTarList(b.file);
  const files = list.filter((e) => !e.name.endsWith('/'));
  expect(files.map((e) => [e.name, e.mode])).toEqual([
    [`${manifest.id}/plugin.json`, '-rw-r--r--'],
    ...b.arches.map((a) => [`${manifest.id}/server/dist/plugin-linux-${a}`, '-rwxr-xr-x']),
    [`${manifest.id}/webapp/dist/main.js`, '-rw-r--r--'],
  ]);
});

test('a single-arch build writes no combined bundle', () => {
  const only = write(path.join(dir, 'single'), ['arm64']);
  expect(only.map((b) => path.basename(b.file))).toEqual([`${base}-linux-arm64.tar.gz`]);
});

test('bundles are byte-identical across builds', () => {
  const again = write(path.join(dir, 'b'));
  for (const [i, b] of again.entries()) {
    expect(fs.readFileSync(b.file).equals(fs.readFileSync(first[i].file))).toBe(true);
  }
});

test('verifyBundle rejects a manifest that promises an executable the bundle lacks', () => {
  // A combined manifest over a single-arch file set: what a packaging bug would produce.
  const broken = path.join(dir, 'broken.mjs');
  fs.writeFileSync(
    broken,
    `import { TarGzWriter } from ${JSON.stringify(path.resolve(__dirname, '../../../build/targz.mjs'))};
     export async function make(file) {
       const m = { id: 'openclaw', server: { executables: { 'linux-amd64': 'server/dist/plugin-linux-amd64', 'linux-arm64': 'server/dist/plugin-linux-arm64' } } };
       await new TarGzWriter({ level: 1 }).write(file, [
         { name: 'openclaw/plugin.json', mode: 0o644, data: Buffer.from(JSON.stringify(m)) },
         { name: 'openclaw/server/dist/plugin-linux-amd64', mode: 0o644, data: Buffer.from('x') },
       ]);
     }`,
  );
  const file = path.join(dir, 'broken.tar.gz');
  callBuild(broken, 'make', file);
  let message = '';
  try {
    callBuild('verify.mjs', 'verifyBundle', file, { id: 'openclaw' });
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toMatch(/linux-arm64: server\/dist\/plugin-linux-arm64 missing/);
  expect(message).toMatch(/plugin-linux-amd64 has mode 644, want 755/);
});
