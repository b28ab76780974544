import { GobDecoder } from './decoder';
import { GobEncoder } from './encoder';
import { GobError, GobValueError } from './errors';
import { t } from './schema';
import { toPlain } from './to-plain';
import { GobInterface, GobOpaque, type GobValue } from './values';
import { Writer } from './wire-primitives';
import { fromHex, loadVectors } from '../../../test/unit/gob/tagged';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

function decodeOne(bytes: Uint8Array): GobValue {
  const dec = new GobDecoder();
  dec.push(bytes);
  const r = dec.next();
  if (!r) throw new Error('incomplete');
  return r.value;
}

// Builds one length-prefixed message from raw pieces.
function msg(build: (w: Writer) => void): Uint8Array {
  const w = new Writer();
  build(w);
  w.insertUintAt(0, w.pos);
  return w.bytes();
}

// "-id" + struct definition with the given fields.
function structDef(id: number, name: string, fields: [string, number][]): Uint8Array {
  return msg((w) => {
    w.writeInt(-id);
    w.writeUint(3);
    w.writeUint(1);
    w.writeUint(1);
    w.writeString(name);
    w.writeUint(1);
    w.writeInt(id);
    w.writeByte(0);
    w.writeUint(1);
    w.writeUint(fields.length);
    for (const [n, fid] of fields) {
      w.writeUint(1);
      w.writeString(n);
      w.writeUint(1);
      w.writeInt(fid);
      w.writeByte(0);
    }
    w.writeByte(0);
    w.writeByte(0);
  });
}

describe('GobDecoder', () => {
  it('decodes the gob documentation example (ids 65)', () => {
    const v = decodeOne(hex(`1f ff 81 03 01 01 05 50 6f 69 6e 74 01 ff 82 00 01 02 01 01 58 01 04 00 01 01 59 01 04 00 00 00
      07 ff 82 01 2c 01 42 00`));
    expect(v).toEqual({ X: 22, Y: 33 });
  });

  it('decodes top-level singletons', () => {
    const dec = new GobDecoder();
    dec.push(hex('03 02 00 01  08 0c 00 05 68 6f 6f 6b 73  03 06 00 01  05 08 00 fe 31 40'));
    expect([dec.next()?.value, dec.next()?.value, dec.next()?.value, dec.next()?.value]).toEqual([true, 'hooks', 1, 17]);
    expect(dec.next()).toBeUndefined();
  });

  it('keeps 64-bit integers exact', () => {
    const enc = new GobEncoder();
    const dec = new GobDecoder();
    for (const v of [0, -1, 127, 128, -129, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n]) {
      for (const m of enc.encode(t.int, v)) dec.push(m);
      expect(dec.next()?.value).toBe(typeof v === 'bigint' && v <= 2n ** 53n - 1n && v >= -(2n ** 53n - 1n) ? Number(v) : v);
    }
    for (const m of enc.encode(t.uint, 2n ** 64n - 1n)) dec.push(m);
    expect(dec.next()?.value).toBe(2n ** 64n - 1n);
  });

  it('rejects duplicate type definitions and ids below 64', () => {
    const def = structDef(70, 'T', [['A', 6]]);
    const dec = new GobDecoder();
    dec.push(def);
    dec.push(def);
    expect(() => dec.next()).toThrow(/duplicate type received/);
    const low = new GobDecoder();
    low.push(structDef(63, 'T', [['A', 6]]));
    expect(() => low.next()).toThrow(/duplicate type received/);
  });

  it('rejects trailing bytes after a top-level definition', () => {
    const def = structDef(70, 'T', [['A', 6]]);
    const bad = Uint8Array.from([...def, 0]);
    bad[0] += 1;
    const dec = new GobDecoder();
    dec.push(bad);
    expect(() => dec.next()).toThrow(/extra data in buffer/);
  });

  it('rejects values whose type graph mentions undefined ids, even when empty', () => {
    const dec = new GobDecoder();
    dec.push(structDef(70, 'T', [['A', 6], ['B', 99]]));
    dec.push(msg((w) => { w.writeInt(70); w.writeUint(1); w.writeString('x'); w.writeByte(0); }));
    expect(() => dec.next()).toThrow(/undefined type id 99/);
  });

  it('refuses oversized messages from the header alone', () => {
    const dec = new GobDecoder();
    dec.push(hex('fc 40 00 00 00'));
    expect(() => dec.next()).toThrow(/message too big/);
    expect(() => dec.next()).toThrow(GobError); // sticky
  });

  it('does not trust element counts', () => {
    const dec = new GobDecoder();
    // []string claiming 2^40 elements, with one present.
    dec.push(msg((w) => { w.writeInt(-70); w.writeUint(2); w.writeUint(1); w.writeUint(2); w.writeInt(70); w.writeByte(0); w.writeUint(1); w.writeInt(6); w.writeByte(0); w.writeByte(0); }));
    dec.push(msg((w) => { w.writeInt(70); w.writeByte(0); w.writeUint(2 ** 40); w.writeString('a'); }));
    expect(() => dec.next()).toThrow(/elements exceed message/);
  });

  it('rejects a non-zero singleton delta and out-of-range field numbers', () => {
    const a = new GobDecoder();
    a.push(hex('03 0c 01 00'));
    expect(() => a.next()).toThrow(/non-zero delta for singleton/);
    const b = new GobDecoder();
    b.push(structDef(70, 'T', [['A', 6]]));
    b.push(msg((w) => { w.writeInt(70); w.writeUint(2); w.writeString('x'); }));
    expect(() => b.next()).toThrow(/field numbers out of bounds/);
  });

  // type Tree struct { C []Tree } (ids 70, 71), and a value nesting `depth` trees, built by
  // hand: our encoder is recursive, Go's is slow at such depths.
  function deepTree(depth: number): Uint8Array[] {
    const defs = [
      structDef(70, 'Tree', [['C', 71]]),
      msg((w) => { w.writeInt(-71); w.writeUint(2); w.writeUint(1); w.writeUint(2); w.writeInt(71); w.writeByte(0); w.writeUint(1); w.writeInt(70); w.writeByte(0); w.writeByte(0); }),
    ];
    const body = Buffer.alloc(depth * 3 + 1);
    let p = 0;
    for (let i = 0; i < depth; i++) {
      body[p++] = 1; // field C
      body[p++] = 1; // one element
    }
    for (let i = 0; i <= depth; i++) body[p++] = 0; // end of each struct, innermost first
    const w = new Writer();
    w.writeInt(70);
    w.writeRaw(body, p);
    w.insertUintAt(0, w.pos);
    return [...defs, w.bytes()];
  }

  function treeDepth(v: GobValue): number {
    let depth = 0;
    for (let t = v as { C?: GobValue[] }; t.C; t = t.C[0] as { C?: GobValue[] }) depth++;
    return depth;
  }

  it('decodes nesting far deeper than the JS stack would allow', () => {
    const dec = new GobDecoder();
    for (const m of deepTree(200_000)) dec.push(m);
    expect(treeDepth(dec.next()!.value)).toBe(200_000);
    // The frames it needed are not kept: the next small value decodes as usual.
    for (const m of deepTree(3).slice(2)) dec.push(m);
    expect(treeDepth(dec.next()!.value)).toBe(3);
  });

  it('skips a value past the nesting limit, when its type holds no interfaces, and goes on', () => {
    // Each level is two containers (the tree and its list); the limit counts those on the
    // heap stack, i.e. all but the few dozen finished inline at the bottom.
    const dec = new GobDecoder({ maxDepth: 2000 });
    for (const m of deepTree(999)) dec.push(m);
    for (const m of deepTree(1100).slice(2)) dec.push(m);
    for (const m of deepTree(5).slice(2)) dec.push(m);
    expect(treeDepth(dec.next()!.value)).toBe(999);
    let err: unknown;
    try {
      dec.next();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GobValueError);
    expect((err as Error).message).toMatch(/nesting too deep/);
    expect(treeDepth(dec.next()!.value)).toBe(5);
    expect(dec.next()).toBeUndefined();
  });

  it('skips a malformed value whose type holds no interfaces; types defined before it stay known', () => {
    const dec = new GobDecoder();
    dec.push(structDef(70, 'T', [['A', 6]]));
    dec.push(msg((w) => { w.writeInt(70); w.writeUint(2); w.writeString('x'); })); // no field 2
    dec.push(msg((w) => { w.writeInt(70); w.writeUint(1); w.writeString('ok'); w.writeByte(0); }));
    expect(() => dec.next()).toThrow(GobValueError);
    expect(dec.next()?.value).toEqual({ A: 'ok' });
  });

  it('fails the stream when a malformed value may hold interfaces: its end and definitions are unknown', () => {
    const dec = new GobDecoder();
    dec.push(structDef(70, 'T', [['A', 8]]));
    // An interface name longer than the message.
    dec.push(msg((w) => { w.writeInt(70); w.writeUint(1); w.writeUint(100); w.writeString('x'); }));
    dec.push(msg((w) => { w.writeInt(70); w.writeByte(0); }));
    let err: unknown;
    try {
      dec.next();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GobError);
    expect(err).not.toBeInstanceOf(GobValueError);
    expect(() => dec.next()).toThrow(err as Error); // sticky
  });

  it('treats "__proto__" names as data', () => {
    const dec = new GobDecoder();
    dec.push(structDef(70, 'Evil', [['__proto__', 71]]));
    dec.push(msg((w) => { w.writeInt(-71); w.writeUint(4); w.writeUint(1); w.writeUint(2); w.writeInt(71); w.writeByte(0); w.writeUint(1); w.writeInt(6); w.writeUint(1); w.writeInt(6); w.writeByte(0); w.writeByte(0); }));
    dec.push(msg((w) => { w.writeInt(70); w.writeUint(1); w.writeUint(2); w.writeString('__proto__'); w.writeString('x'); w.writeString('constructor'); w.writeString('y'); w.writeByte(0); }));
    const v = dec.next()!.value as Record<string, Record<string, string>>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    const inner = v['__proto__'];
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect(inner['__proto__']).toBe('x');
    expect(inner.constructor).toBe('y');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const plain = toPlain(v) as Record<string, Record<string, string>>;
    expect(Object.hasOwn(plain, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });

  it('retries an interface value spanning messages without redefining its types', () => {
    const v = loadVectors().find((x) => x.name === 'nested_interfaces')!;
    const writes = v.writes.map(fromHex);
    // Go flushes when it first meets a concrete type inside an interface: the first value
    // arrives as definition, head of the value (ending in a definition), rest of the value.
    expect(writes.length).toBe(4);
    const dec = new GobDecoder();
    const got: GobValue[] = [];
    for (const w of writes) {
      // Split each message too, so retries also start from partial frames.
      dec.push(w.subarray(0, 1));
      let r = dec.next();
      dec.push(w.subarray(1));
      for (r = r ?? dec.next(); r; r = dec.next()) got.push(r.value);
    }
    expect(got).toHaveLength(2);
    const first = toPlain(got[0]) as { outer: { atts: { Title: string }[]; err: { Code: number } }[] };
    expect(first.outer[0].atts[0].Title).toBe('Choose');
    expect(first.outer[0].err).toEqual({ Code: 2 });
  });

  it('represents opaque marshalled types and interfaces', () => {
    const v = loadVectors().find((x) => x.name === 'opaques')!;
    const value = decodeOne(fromHex(v.hex)) as Record<string, GobOpaque>;
    expect(value.When).toBeInstanceOf(GobOpaque);
    expect(value.When.kind).toBe('gob');
    expect(Buffer.from(value.Where.bytes).toString()).toBe('https://x.y/a%20b?q=1');
    expect(toPlain(value)).toEqual({ When: 'AQAAAA7dcm/1B1vNFf//', Where: 'https://x.y/a%20b?q=1' });
    const props = decodeOne(Buffer.concat(new GobEncoder().encode(t.map(t.string, t.interface), { a: [1, 'x'], b: null }))) as Record<string, GobValue>;
    expect(props.a).toEqual(new GobInterface('[]interface {}', [new GobInterface('int64', 1), new GobInterface('string', 'x')]));
    expect(toPlain(props)).toEqual({ a: [1, 'x'], b: null });
  });
});
