import { GobDecoder } from './decoder';
import { GobEncoder } from './encoder';
import { GobError } from './errors';
import { registerInterfaceType } from './interface-names';
import { t } from './schema';
import { GobInterface, type GobValue } from './values';

const Inner = t.struct('Inner', () => [['N', t.int]]);
const Outer = t.struct('Outer', () => [
  ['B', t.bool], ['I', t.int], ['U', t.uint], ['F', t.float], ['S', t.string], ['Bytes', t.bytes],
  ['L', t.slice(t.string)], ['M', t.map(t.string, t.int)], ['Ptr', Inner], ['A', t.array(t.int, 2)], ['X', t.interface],
]);

function roundTrip(enc: GobEncoder, dec: GobDecoder, type: Parameters<GobEncoder['encode']>[0], v: unknown): GobValue {
  for (const m of enc.encode(type, v)) dec.push(m);
  const r = dec.next();
  expect(r).toBeDefined();
  return r!.value;
}

describe('GobEncoder', () => {
  it('omits zero fields but sends arrays, empty non-nil maps and present nested structs', () => {
    const v = roundTrip(new GobEncoder(), new GobDecoder(), Outer, {
      B: false, I: 0, U: 0, F: 0, S: '', Bytes: new Uint8Array(0), L: [], M: {}, Ptr: {}, A: [0, 0], X: null,
    });
    expect(v).toEqual({ M: {}, Ptr: {}, A: [0, 0] });
  });

  it('defines each type once per stream, and afresh on a new stream', () => {
    const enc = new GobEncoder();
    const first = enc.encode(Outer, { S: 'x' });
    const second = enc.encode(Outer, { S: 'y' });
    expect(first.length).toBe(6); // Outer, Inner, []string, map[string]int, [2]int, then the value
    expect(second).toHaveLength(1);
    expect(new GobEncoder().encode(Outer, { S: 'z' })).toHaveLength(first.length);
  });

  it('puts plain JS values into interfaces with Go-compatible names', () => {
    const dec = new GobDecoder();
    const v = roundTrip(new GobEncoder(), dec, t.slice(t.interface), ['s', true, 3, 2.5, 5n, new Uint8Array([1]), [1], { k: 1 }, null]);
    expect((v as (GobInterface | null)[]).map((x) => x?.name ?? null)).toEqual([
      'string', 'bool', 'int64', 'float64', 'int64', '[]uint8', '[]interface {}', 'map[string]interface {}', null,
    ]);
  });

  it('uses schemas registered for interface names', () => {
    const ErrorString = t.struct('ErrorString', () => [['Code', t.int], ['Err', t.string]]);
    registerInterfaceType('*plugin.ErrorString', ErrorString);
    const v = roundTrip(new GobEncoder(), new GobDecoder(), t.interface, new GobInterface('*plugin.ErrorString', { Err: 'EOF', Code: 1 }));
    expect(v).toEqual(new GobInterface('*plugin.ErrorString', { Code: 1, Err: 'EOF' }));
  });

  it('reports type errors with the field path and leaves the stream usable', () => {
    const enc = new GobEncoder();
    const dec = new GobDecoder();
    expect(() => enc.encode(Outer, { Ptr: { N: 1.5 } })).toThrow(/Outer\.Ptr: Inner\.N: cannot encode number 1\.5 as int/);
    expect(() => enc.encode(Outer, { U: -1 })).toThrow(GobError);
    expect(() => enc.encode(Outer, { I: 2n ** 63n })).toThrow(GobError);
    expect(() => enc.encode(t.slice(Inner), [null])).toThrow(/nil element/);
    expect(() => enc.encode(t.interface, new GobInterface('*model.X', null, Inner))).toThrow(/nil pointer/);
    expect(() => enc.encode(t.interface, new Date())).toThrow(/GobInterface/);
    expect(roundTrip(enc, dec, Outer, { S: 'ok', Ptr: { N: -3 } })).toEqual({ S: 'ok', Ptr: { N: -3 } });
  });

  it('encodes floats like Go (byte-reversed bits)', () => {
    expect(Buffer.concat(new GobEncoder().encode(t.float, 17)).toString('hex')).toBe('050800fe3140');
    const dec = new GobDecoder();
    const enc = new GobEncoder();
    for (const f of [0, 1, -1, 0.1, 1e308, 5e-324, Infinity, -Infinity, 2 ** 60]) expect(roundTrip(enc, dec, t.float, f)).toBe(f);
    expect(Number.isNaN(roundTrip(enc, dec, t.float, NaN))).toBe(true);
  });
});
