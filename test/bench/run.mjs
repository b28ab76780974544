// `npm run bench:rpc`: runs the Go bench harness (test/bench), which builds the TS
// conformance plugin (Node 24 SEA) and the Go twin and measures both in one process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goBin } from '../conformance/go-bin.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const r = spawnSync(goBin(), ['run', '.'], { cwd: here, stdio: 'inherit' });
if (r.error) throw r.error;
process.exitCode = r.status ?? 1;
