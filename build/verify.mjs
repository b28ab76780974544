// Checks a finished plugin bundle the way Mattermost will consume it. build.mjs runs it on
// every bundle it writes, so a packaging mistake fails the build instead of an install.
import fs from 'node:fs';
import { readTar } from './tar-read.mjs';

/** Throws on the first problem; returns { manifest, arches, entries } when the bundle is sound. */
export function verifyBundle(file, { id, limit } = {}) {
  const problems = [];
  const bytes = fs.readFileSync(file);
  if (limit !== undefined && bytes.length > limit) problems.push(`size ${bytes.length} B over limit ${limit} B`);
  const entries = readTar(bytes);
  const names = entries.map((e) => e.name);
  const byName = new Map(entries.map((e) => [e.name, e]));

  const roots = new Set(names.map((n) => n.split('/')[0]));
  const root = [...roots][0];
  if (roots.size !== 1) problems.push(`expected one top-level folder, got ${[...roots].join(', ')}`);
  if (id && root !== id) problems.push(`top-level folder ${root} is not the plugin id ${id}`);
  if (names.join('\n') !== [...names].sort().join('\n')) problems.push('entries are not sorted by name');
  for (const e of entries) {
    if (e.uid !== 0 || e.gid !== 0) problems.push(`${e.name} is not owned by 0:0`);
  }

  const manifestEntry = byName.get(`${root}/plugin.json`);
  if (!manifestEntry) throw new Error(`${file}: no ${root}/plugin.json`);
  const manifest = JSON.parse(manifestEntry.data.toString('utf8'));
  if (id && manifest.id !== id) problems.push(`plugin.json id ${manifest.id} is not ${id}`);

  const executables = manifest.server?.executables ?? {};
  const listed = new Set(Object.values(executables).map((p) => `${root}/${p}`));
  for (const [key, rel] of Object.entries(executables)) {
    const e = byName.get(`${root}/${rel}`);
    if (!e || e.type !== 'file') problems.push(`${key}: ${rel} missing from bundle`);
    else if (e.mode !== 0o755) problems.push(`${rel} has mode ${e.mode.toString(8)}, want 755`);
  }
  // Anything under server/dist that plugin.json does not list would be dead weight, or a
  // sign that manifest and contents drifted apart.
  for (const n of names) {
    if (n.startsWith(`${root}/server/dist/`) && byName.get(n).type === 'file' && !listed.has(n)) {
      problems.push(`${n} is not listed in server.executables`);
    }
  }
  const webapp = manifest.webapp?.bundle_path;
  if (webapp) {
    const e = byName.get(`${root}/${webapp}`);
    if (!e || e.type !== 'file' || e.data.length === 0) problems.push(`webapp bundle ${webapp} missing or empty`);
    else if (e.mode !== 0o644) problems.push(`${webapp} has mode ${e.mode.toString(8)}, want 644`);
  }

  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  const arches = Object.keys(executables).map((k) => k.replace(/^linux-/, ''));
  return { manifest, arches, entries };
}
