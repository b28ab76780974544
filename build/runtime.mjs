// Fetches the pinned official Node binary for a target arch from the npm registry.
// The verified .tgz is cached in .rt/ and re-verified on every use, so a corrupted or
// swapped cache file fails the build instead of silently shipping.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_VERSION, RT_DIR, RUNTIMES } from './config.mjs';
import { extractFile } from './tar-read.mjs';

function sri(buf) {
  return `sha512-${crypto.createHash('sha512').update(buf).digest('base64')}`;
}

function tarballPath(arch) {
  return path.join(RT_DIR, `${RUNTIMES[arch].pkg}-${NODE_VERSION}.tgz`);
}

/** Download with `npm pack` (works for foreign os/cpu, unlike npm install) into .rt/. */
function download(arch) {
  const { pkg } = RUNTIMES[arch];
  // A per-process staging dir keeps concurrent builds (e.g. a test and `npm run build`) apart.
  const staging = fs.mkdtempSync(path.join(RT_DIR, '.pack-'));
  try {
    const out = execFileSync(
      'npm',
      ['pack', `${pkg}@${NODE_VERSION}`, '--silent', '--pack-destination', staging],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const file = path.join(staging, out.trim().split('\n').pop());
    fs.renameSync(file, tarballPath(arch)); // atomic: readers never see a partial file
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Returns the verified tarball bytes for `arch`, downloading on first use. */
export function runtimeTarball(arch) {
  const spec = RUNTIMES[arch];
  if (!spec) throw new Error(`unknown arch ${arch}; known: ${Object.keys(RUNTIMES).join(', ')}`);
  fs.mkdirSync(RT_DIR, { recursive: true });
  if (!fs.existsSync(tarballPath(arch))) download(arch);
  const tgz = fs.readFileSync(tarballPath(arch));
  const got = sri(tgz);
  if (got !== spec.integrity) {
    throw new Error(
      `integrity mismatch for ${spec.pkg}@${NODE_VERSION}: expected ${spec.integrity}, got ${got}. ` +
        `Delete ${tarballPath(arch)} to re-download; if it persists, do not ship.`,
    );
  }
  return tgz;
}

/** Writes the plain (uninjected) node binary for `arch` to `dest` with mode 0755. */
export function writeNodeBinary(arch, dest) {
  const bin = extractFile(runtimeTarball(arch), 'package/bin/node');
  fs.writeFileSync(dest, bin, { mode: 0o755 });
  fs.chmodSync(dest, 0o755); // writeFileSync's mode is masked by umask and ignored for existing files
  return dest;
}

/** Mattermost arch key of the machine running the build, or null if not a supported target. */
export function hostArch() {
  if (process.platform !== 'linux') return null;
  return Object.keys(RUNTIMES).find((a) => RUNTIMES[a].nodeArch === process.arch) ?? null;
}
