// Test helper: has Go build values from a flat program (test/gob-vectors "encode" mode),
// encode them with encoding/gob and report what Go decodes from its own bytes. Go's encoder
// takes tens of seconds for props nesting thousands of interfaces, so results of large
// programs are cached in test/.work/, keyed by the program and the checker binary.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN } from './go-checker';
import type { Tagged } from './tagged';

export type Op = [string, ...unknown[]];

export interface GoEncoded {
  hex: string;
  // How many writes (messages, with definitions) Go made.
  messages: number;
  // Go's own decoding of the bytes, in tagged JSON.
  values: Tagged[];
  // encoding/json of each value built, as Mattermost's REST API would render it.
  json: string[];
}

const CACHE = path.resolve(__dirname, '../../.work/gob-encode-cache');
const CACHE_FROM_OPS = 2000;

export function goEncode(kind: string, program: Op[]): GoEncoded {
  const input = JSON.stringify(program);
  let cached: string | undefined;
  if (program.length >= CACHE_FROM_OPS) {
    const key = createHash('sha256').update(kind).update('\0').update(input).update(fs.readFileSync(BIN)).digest('hex');
    cached = path.join(CACHE, `${key}.json`);
    if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8')) as GoEncoded;
  }
  const res = spawnSync(BIN, ['encode', kind], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (res.error) throw res.error;
  const out = JSON.parse(res.stdout) as GoEncoded & { error?: string };
  if (out.error) throw new Error(`Go: ${out.error}`);
  if (cached) {
    fs.mkdirSync(CACHE, { recursive: true });
    fs.writeFileSync(cached, res.stdout);
  }
  return out;
}
