// Command-line/env options for build.mjs. Building one arch (--arch host) skips the foreign
// binary and the combined bundle, which roughly halves a dev build.
import { ALL_ARCHES } from './config.mjs';
import { hostArch } from './runtime.mjs';

const USAGE = 'usage: node build/build.mjs [--arch amd64|arm64|host|all[,…]] [--entry file.ts] [--out dir]';

export function parseArgs(argv = process.argv.slice(2), env = process.env) {
  let archSpec = env.OPENCLAW_ARCH || 'all';
  let entry = env.OPENCLAW_SERVER_ENTRY || null;
  let outDir = null; // where bundles go; default dist/ (the reproducibility check uses two)
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--arch') archSpec = value();
    else if (flag === '--entry') entry = value();
    else if (flag === '--out') outDir = value();
    else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  const arches = new Set();
  for (const a of String(archSpec).split(',')) {
    if (a === 'all') ALL_ARCHES.forEach((x) => arches.add(x));
    else if (a === 'host') {
      if (!hostArch()) throw new Error(`host ${process.platform}-${process.arch} is not a build target`);
      arches.add(hostArch());
    }
    else if (ALL_ARCHES.includes(a)) arches.add(a);
    else throw new Error(`unknown arch "${a}"\n${USAGE}`);
  }
  // Keep the canonical order so bundle contents never depend on how the flag was written.
  return { arches: ALL_ARCHES.filter((a) => arches.has(a)), entry, outDir };
}
