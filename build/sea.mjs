// Builds Node 24 single executable applications (SEA) from a TypeScript entry, one per
// target arch, all on one host: with code cache and snapshot off, the preparation blob is
// platform-independent, so a blob made on x64 can be injected into the arm64 binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'postject';
import { ALL_ARCHES, SEA_FUSE, V8_FLAGS } from './config.mjs';
import { hostArch, writeNodeBinary } from './runtime.mjs';
import { bundleServer } from './server.mjs';
import { strip, stripAvailable } from './strip.mjs';

// The blob must be made by exactly the Node version it is injected into (the format is
// version-specific), so we run the pinned, integrity-checked host binary, not whatever
// `node` happens to be on PATH.
function makeBlob(hostNode, main, blob) {
  const config = path.join(path.dirname(blob), 'sea-config.json');
  const seaConfig = {
    main,
    output: blob,
    disableExperimentalSEAWarning: true,
    useCodeCache: false, // must be false for cross-arch blobs
    useSnapshot: false,
    // Trust the host's CA store for outbound TLS (corporate CAs), and ignore NODE_OPTIONS
    // from the Mattermost server's environment so it cannot reconfigure our runtime.
    execArgv: ['--use-system-ca', ...V8_FLAGS],
    execArgvExtension: 'none',
  };
  fs.writeFileSync(config, JSON.stringify(seaConfig, null, 2));
  const r = spawnSync(hostNode, ['--experimental-sea-config', config], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`SEA blob generation failed:\n${r.stdout}${r.stderr}`);
}

// postject's ELF reader warns "Can't find string offset for section name '.note'" for every
// official Node binary; it is harmless (the research build verified the result runs), so we
// drop exactly that line and let any other warning through.
async function quietInject(file, blob) {
  const warn = console.warn;
  console.warn = (...args) => {
    if (!/^warning: Can't find string offset for section name/.test(String(args[0]))) warn(...args);
  };
  try {
    await inject(file, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE });
  } finally {
    console.warn = warn;
  }
}

/**
 * Bundle `entry` and produce `<outDir>/<name>-linux-<arch>` for each arch.
 * Returns { bundle, blob, executables: { [arch]: path }, stripped }.
 */
export async function buildSea({ entry, outDir, arches = ALL_ARCHES, name = 'plugin', log = () => {} }) {
  const host = hostArch();
  if (!host) throw new Error(`SEA builds need a linux x64/arm64 host, not ${process.platform}-${process.arch}`);
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(outDir, '.sea-'));
  try {
    // Each plain binary is extracted once: the host's serves both as blob maker and as a target.
    const plain = {};
    const plainBinary = (arch) => (plain[arch] ??= writeNodeBinary(arch, path.join(work, `node-${arch}`)));

    const bundle = path.join(outDir, `${name}.cjs`);
    await bundleServer({ entry, outfile: bundle });
    log(`bundled ${path.relative(process.cwd(), entry)} -> ${fs.statSync(bundle).size} B`);

    const blob = path.join(outDir, `${name}.blob`);
    makeBlob(plainBinary(host), bundle, blob);
    const blobBytes = fs.readFileSync(blob);

    const stripped = stripAvailable();
    if (!stripped) {
      // Unstripped, a per-arch bundle is ~41.6 MiB and fails the 40 MiB limit in build.mjs.
      log('llvm-strip not found: executables stay unstripped (+~3.4 MiB gzip per arch); install Debian "llvm"');
    }
    const executables = {};
    for (const arch of arches) {
      const out = path.join(outDir, `${name}-linux-${arch}`);
      fs.copyFileSync(plainBinary(arch), out);
      if (stripped) strip(out); // before injection: stripping afterwards could drop the blob note
      await quietInject(out, blobBytes);
      fs.chmodSync(out, 0o755);
      executables[arch] = out;
      log(`sea linux-${arch}: ${fs.statSync(out).size} B`);
    }
    return { bundle, blob, executables, stripped };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
