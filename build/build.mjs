// `npm run build`: server SEA per arch + webapp bundle -> reproducible plugin tarballs in dist/.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args.mjs';
import { assertWithinLimits, writeBundles } from './bundle.mjs';
import { DIST_DIR, ROOT, SERVER_ENTRY } from './config.mjs';
import { readManifest } from './manifest.mjs';
import { buildSea } from './sea.mjs';
import { verifyBundle } from './verify.mjs';
import { buildWebapp } from './webapp.mjs';

const MiB = 1024 * 1024;
const mib = (n) => `${(n / MiB).toFixed(1)} MiB`;
const log = (msg) => console.log(`[build] ${msg}`);

async function main() {
  const started = Date.now();
  const { arches, entry, outDir } = parseArgs();
  const manifest = readManifest();
  log(`${manifest.id} ${manifest.version}, arches: ${arches.join(', ')}`);

  // Intermediates (bundle, blob, raw executables) go to build/out/ so dist/ holds only
  // what we ship; tests run the executables from there.
  const serverOut = path.join(ROOT, 'build', 'out', 'server');
  fs.rmSync(serverOut, { recursive: true, force: true });
  const webapp = await buildWebapp();
  log(`webapp ${path.relative(ROOT, webapp.bundle)}: ${webapp.size} B`);
  const sea = await buildSea({ entry: entry ?? SERVER_ENTRY, outDir: serverOut, arches, log });

  const bundles = await writeBundles({
    manifest,
    arches,
    executables: sea.executables,
    webappBundle: webapp.bundle,
    outDir: outDir ?? DIST_DIR,
  });
  for (const b of bundles) {
    log(`${path.relative(ROOT, b.file)}: ${mib(b.size)} (${b.size} B, limit ${mib(b.limit)})`);
  }
  assertWithinLimits(bundles);
  for (const b of bundles) {
    const { arches: inside } = verifyBundle(b.file, { id: manifest.id, limit: b.limit });
    if (inside.join() !== b.arches.join()) throw new Error(`${b.file}: has ${inside}, expected ${b.arches}`);
  }
  log('bundles verified (layout, plugin.json executables, modes, owners, order)');
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`[build] FAILED: ${err.message}`);
  process.exitCode = 1;
});
