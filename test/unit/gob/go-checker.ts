// Test helper: decodes TS-produced gob bytes with Go's encoding/gob into Mattermost's real
// types (test/gob-vectors "check" mode). The binary is built once into test/.work/.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Tagged } from './tagged';

const SRC = path.resolve(__dirname, '../../gob-vectors');
export const BIN = path.resolve(__dirname, '../../.work/gob-check');
const GO = fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';

export function buildChecker(): void {
  fs.mkdirSync(path.dirname(BIN), { recursive: true });
  // `go build` is a no-op when nothing changed, so always running it keeps the binary fresh.
  execFileSync(GO, ['build', '-o', BIN, '.'], { cwd: SRC, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function goDecode(kinds: string[], messages: Uint8Array[]): { values?: Tagged[]; error?: string } {
  const res = spawnSync(BIN, ['check', kinds.join(',')], { input: Buffer.concat(messages), encoding: 'utf8' });
  if (res.error) throw res.error;
  return JSON.parse(res.stdout) as { values?: Tagged[]; error?: string };
}
