// Reads plugin.json and derives the per-bundle manifest: server.executables must list
// exactly the executables shipped in that bundle, or Mattermost on a missing arch would
// try to start a file that is not there.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './config.mjs';

export function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'plugin.json'), 'utf8'));
}

export const executablePath = (arch) => `server/dist/plugin-linux-${arch}`;

export function manifestFor(manifest, arches) {
  const executables = Object.fromEntries(arches.map((a) => [`linux-${a}`, executablePath(a)]));
  return { ...manifest, server: { ...manifest.server, executables } };
}
