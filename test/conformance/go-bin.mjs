// Finds the Go toolchain for the npm scripts: $GO, `go` on PATH, or /usr/local/go/bin/go.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function goBin() {
  if (process.env.GO) return process.env.GO;
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0) return 'go';
  if (fs.existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
  throw new Error('Go toolchain not found: install Go >= 1.25 or set GO=/path/to/go');
}
