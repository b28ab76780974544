// Assembles the plugin tarballs Mattermost installs: <id>/plugin.json, the server
// executables and the webapp bundle, under one top-level folder named after the plugin id.
import fs from 'node:fs';
import path from 'node:path';
import { SIZE_LIMITS, SOURCE_DATE_EPOCH } from './config.mjs';
import { executablePath, manifestFor } from './manifest.mjs';
import { TarGzWriter } from './targz.mjs';

function entriesFor(manifest, arches, { executables, webappBundle }) {
  const root = manifest.id;
  const json = JSON.stringify(manifestFor(manifest, arches), null, 2) + '\n';
  return [
    { name: `${root}/plugin.json`, mode: 0o644, data: Buffer.from(json) },
    ...arches.map((a) => ({
      name: `${root}/${executablePath(a)}`,
      mode: 0o755, // go-plugin execs the file directly
      data: fs.readFileSync(executables[a]),
    })),
    { name: `${root}/${manifest.webapp.bundle_path}`, mode: 0o644, data: fs.readFileSync(webappBundle) },
  ];
}

/**
 * Writes <outDir>/<id>-<ver>.tar.gz (all arches, only when more than one) and
 * <outDir>/<id>-<ver>-linux-<arch>.tar.gz per arch. Returns [{file, arches, size, limit}].
 */
export async function writeBundles({ manifest, arches, executables, webappBundle, outDir, gzipLevel = 9 }) {
  const writer = new TarGzWriter({ level: gzipLevel });
  const base = `${manifest.id}-${manifest.version}`;
  const plan = arches.map((a) => ({ file: `${base}-linux-${a}.tar.gz`, arches: [a], limit: SIZE_LIMITS.perArch }));
  if (arches.length > 1) plan.unshift({ file: `${base}.tar.gz`, arches, limit: SIZE_LIMITS.combined });
  fs.mkdirSync(outDir, { recursive: true });
  return Promise.all(
    plan.map(async (p) => {
      const file = path.join(outDir, p.file);
      const entries = entriesFor(manifest, p.arches, { executables, webappBundle });
      const size = await writer.write(file, entries, { mtime: SOURCE_DATE_EPOCH });
      return { ...p, file, size };
    }),
  );
}

/** Throws naming every bundle that is over its limit (an upload would be refused). */
export function assertWithinLimits(bundles) {
  const over = bundles.filter((b) => b.size > b.limit);
  if (over.length) {
    const list = over.map((b) => `${path.basename(b.file)} (${b.size} B > ${b.limit} B)`).join(', ');
    throw new Error(`bundle over its size limit: ${list}`);
  }
}
