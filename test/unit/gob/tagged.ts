// Test helper: the "tagged JSON" form that test/gob-vectors renders Go values into, derived
// here from decoded gob values so both sides can be compared with toEqual.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GobComplex, GobInterface, GobOpaque, type GobValue } from '../../../server-ts/mattermost/gob';

export type Tagged = unknown;

function taggedFloat(f: number): Tagged {
  if (Number.isNaN(f)) return { $float: 'NaN' };
  if (f === Infinity) return { $float: '+Inf' };
  if (f === -Infinity) return { $float: '-Inf' };
  return f;
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

export function tagged(v: GobValue): Tagged {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return taggedFloat(v);
  if (typeof v === 'bigint') return { $big: v.toString() };
  if (v instanceof Uint8Array) return { $bytes: b64(v) };
  if (v instanceof GobInterface) return { $iface: v.name, value: tagged(v.value as GobValue) };
  if (v instanceof GobOpaque) return { $opaque: v.kind, bytes: b64(v.bytes) };
  if (v instanceof GobComplex) return { $complex: [taggedFloat(v.real), taggedFloat(v.imag)] };
  if (Array.isArray(v)) return v.map(tagged);
  if (v instanceof Map) {
    const pairs = [...v].map(([k, e]) => [tagged(k), tagged(e)]);
    pairs.sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
    return { $map: pairs };
  }
  const out: Record<string, Tagged> = {};
  for (const k of Object.keys(v)) out[k] = tagged(v[k]);
  return out;
}

export interface VectorFile {
  name: string;
  description: string;
  hex: string;
  writes: string[];
  values: Tagged[];
}

export const VECTOR_DIR = path.resolve(__dirname, '../../gob-vectors/vectors');

export function loadVectors(): VectorFile[] {
  return fs
    .readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(VECTOR_DIR, f), 'utf8')) as VectorFile);
}

export const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
