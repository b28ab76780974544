// `npm run build:reproducible`: builds twice into separate folders and requires every bundle
// to be byte-identical. Kept out of the unit tests because two full builds take minutes.
// Extra arguments (e.g. --arch amd64) are passed to both builds.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './config.mjs';

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const runs = ['a', 'b'].map((n) => path.join(ROOT, 'build', 'out', `repro-${n}`));
const serverBundles = []; // esbuild output per run: tells source edits apart from build drift
const digests = runs.map((out) => {
  fs.rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['build/build.mjs', ...process.argv.slice(2), '--out', out], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  serverBundles.push(sha256(path.join(ROOT, 'build', 'out', 'server', 'plugin.cjs')));
  return Object.fromEntries(
    fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.tar.gz'))
      .sort()
      .map((f) => [f, sha256(path.join(out, f))]),
  );
});

let same = Object.keys(digests[0]).length > 0;
for (const f of new Set([...Object.keys(digests[0]), ...Object.keys(digests[1])])) {
  const ok = digests[0][f] === digests[1][f];
  same &&= ok;
  console.log(`${ok ? 'same' : 'DIFFERENT'}  ${digests[0][f] ?? '-'}  ${digests[1][f] ?? '-'}  ${f}`);
}
if (!same && serverBundles[0] !== serverBundles[1]) {
  console.log('note: the esbuild server bundle differs too: were sources edited during the check?');
}
console.log(same ? 'reproducible: yes' : 'reproducible: NO');
process.exit(same ? 0 : 1);
