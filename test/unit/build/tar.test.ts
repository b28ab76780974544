// The tar/gzip writer is what makes bundles reproducible and installable, so it is checked
// against GNU tar and gzip (independent readers) and against our own reader.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { callBuild, gnuTarList, workDir } from './helpers';

const dir = workDir('tar');
const extractDir = workDir('tar-extract');
const entries = [
  { name: 'p/z-last.txt', mode: 0o644, data: 'last' },
  { name: 'p/bin/tool', mode: 0o755, data: '#!/bin/sh\necho hi\n' },
  { name: 'p/a-first.json', mode: 0o644, data: '{}' },
];

// Writer and reader work on Buffers, which JSON can't carry; a tiny wrapper module converts.
const wrapper = path.join(dir, 'wrap.mjs');
const buildFile = (m: string) => JSON.stringify(path.resolve(__dirname, '../../../build', m));
fs.writeFileSync(
  wrapper,
  `import fs from 'node:fs';
   import { TarGzWriter } from ${buildFile('targz.mjs')};
   import { readTar, extractFile } from ${buildFile('tar-read.mjs')};
   export async function write(file, entries, opts) {
     const data = entries.map((e) => ({ ...e, data: Buffer.from(e.data) }));
     return new TarGzWriter({ level: opts.level ?? 9 }).write(file, data, opts);
   }
   export function read(file) {
     return readTar(fs.readFileSync(file)).map((e) => ({ ...e, data: e.data.toString('utf8') }));
   }
   export function extract(file, name) {
     try { return extractFile(fs.readFileSync(file), name).toString('utf8'); }
     catch (err) { return { error: err.message }; }
   }`,
);
const write = (file: string, opts: { mtime?: number; level?: number } = {}) =>
  callBuild<number>(wrapper, 'write', path.join(dir, file), entries, opts);

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');

beforeAll(() => {
  write('one.tar.gz', { mtime: 1700000000 });
  write('two.tar.gz', { mtime: 1700000000 });
  write('other-mtime.tar.gz', { mtime: 1700000001 });
});

test('GNU tar sees sorted names, parent folders, 0/0 owners and the given modes', () => {
  const list = gnuTarList(path.join(dir, 'one.tar.gz'));
  expect(list.map((e) => e.name)).toEqual(['p/', 'p/a-first.json', 'p/bin/', 'p/bin/tool', 'p/z-last.txt']);
  expect(list.every((e) => e.owner === '0/0')).toBe(true);
  const modes = Object.fromEntries(list.map((e) => [e.name, e.mode]));
  expect(modes).toEqual({
    'p/': 'drwxr-xr-x',
    'p/a-first.json': '-rw-r--r--',
    'p/bin/': 'drwxr-xr-x',
    'p/bin/tool': '-rwxr-xr-x',
    'p/z-last.txt': '-rw-r--r--',
  });
});

test('the multi-member gzip stream passes gzip -t and extracts byte-exact', () => {
  const file = path.join(dir, 'one.tar.gz');
  expect(spawnSync('gzip', ['-t', file]).status).toBe(0);
  const out = extractDir;
  expect(spawnSync('tar', ['-xzf', file, '-C', out]).status).toBe(0);
  expect(fs.readFileSync(path.join(out, 'p/bin/tool'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
  expect(fs.statSync(path.join(out, 'p/bin/tool')).mode & 0o777).toBe(0o755);
  expect(fs.statSync(path.join(out, 'p/bin/tool')).mtimeMs).toBe(1700000000 * 1000);
});

test('same inputs give the same bytes; the mtime is the only clock in the archive', () => {
  expect(sha('one.tar.gz')).toBe(sha('two.tar.gz'));
  expect(sha('one.tar.gz')).not.toBe(sha('other-mtime.tar.gz'));
});

test('our reader reads back what the writer wrote', () => {
  const file = path.join(dir, 'one.tar.gz');
  const read = callBuild<{ name: string; type: string; mode: number; uid: number; gid: number; mtime: number; data: string }[]>(
    wrapper,
    'read',
    file,
  );
  expect(read.map((e) => [e.name, e.type, e.mode, e.uid, e.gid, e.mtime])).toEqual([
    ['p/', 'dir', 0o755, 0, 0, 1700000000],
    ['p/a-first.json', 'file', 0o644, 0, 0, 1700000000],
    ['p/bin/', 'dir', 0o755, 0, 0, 1700000000],
    ['p/bin/tool', 'file', 0o755, 0, 0, 1700000000],
    ['p/z-last.txt', 'file', 0o644, 0, 0, 1700000000],
  ]);
  expect(callBuild(wrapper, 'extract', file, 'p/z-last.txt')).toBe('last');
  expect(callBuild(wrapper, 'extract', file, 'p/missing')).toEqual({ error: 'p/missing not found in tarball' });
});
