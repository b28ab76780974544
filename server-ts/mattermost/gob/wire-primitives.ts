// Gob's variable-length integers and friends, read from / written to a byte cursor. These run
// for every field of every RPC, so they avoid allocation: small values stay numbers, only
// values beyond 2^53 become bigints.
import { GobError } from './errors';

const TWO_32 = 4294967296;
// Floats travel as their IEEE bits with the byte order reversed; a little-endian DataView
// of the bits is exactly the big-endian image of that reversed integer.
const floatScratch = new DataView(new ArrayBuffer(8));

function eof(): GobError {
  return new GobError('unexpected end of message');
}

export class Reader {
  buf: Buffer;
  pos: number;
  end: number;

  constructor(buf: Buffer, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  remaining(): number {
    return this.end - this.pos;
  }

  readUint(): number | bigint {
    const buf = this.buf;
    let p = this.pos;
    if (p >= this.end) throw eof();
    const b = buf[p++];
    if (b < 0x80) {
      this.pos = p;
      return b;
    }
    const n = 256 - b;
    if (n > 8) throw new GobError('encoded unsigned integer out of range');
    if (p + n > this.end) throw eof();
    this.pos = p + n;
    if (n <= 6) {
      let v = 0;
      for (let i = 0; i < n; i++) v = v * 256 + buf[p + i];
      return v;
    }
    let hi = 0;
    for (let i = 0; i < n - 4; i++) hi = hi * 256 + buf[p + i];
    const lo = buf.readUInt32BE(p + n - 4);
    if (hi < 0x200000) return hi * TWO_32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  // For counts, lengths, deltas and ids, where a bigint can only mean corrupt input.
  readSmallUint(what: string): number {
    const v = this.readUint();
    if (typeof v !== 'number') throw new GobError(`${what} out of range: ${v}`);
    return v;
  }

  readInt(): number | bigint {
    const u = this.readUint();
    if (typeof u === 'number') return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
    const i = u & 1n ? ~(u >> 1n) : u >> 1n;
    return i >= -9007199254740991n && i <= 9007199254740991n ? Number(i) : i;
  }

  readSmallInt(what: string): number {
    const v = this.readInt();
    if (typeof v !== 'number') throw new GobError(`${what} out of range: ${v}`);
    return v;
  }

  readFloat(): number {
    const buf = this.buf;
    let p = this.pos;
    if (p >= this.end) throw eof();
    const b = buf[p++];
    floatScratch.setBigUint64(0, 0n);
    if (b < 0x80) {
      floatScratch.setUint8(7, b);
    } else {
      const n = 256 - b;
      if (n > 8) throw new GobError('encoded unsigned integer out of range');
      if (p + n > this.end) throw eof();
      for (let i = 0; i < n; i++) floatScratch.setUint8(8 - n + i, buf[p + i]);
      p += n;
    }
    this.pos = p;
    return floatScratch.getFloat64(0, true);
  }

  // Length-prefixed byte run; returns the start offset and leaves pos after it.
  readLengthPrefixed(what: string): number {
    const n = this.readUint();
    if (typeof n !== 'number' || n > this.end - this.pos) {
      throw new GobError(`length of ${what} exceeds input size (${n} bytes)`);
    }
    const start = this.pos;
    this.pos = start + n;
    return start;
  }

  readString(): string {
    const start = this.readLengthPrefixed('string');
    return start === this.pos ? '' : this.buf.toString('utf8', start, this.pos);
  }

  readBytes(what: string): Uint8Array {
    const start = this.readLengthPrefixed(what);
    return Uint8Array.prototype.slice.call(this.buf, start, this.pos);
  }
}

export class Writer {
  buf: Buffer;
  pos = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  bytes(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.buf, 0, this.pos);
  }

  // A copy of the written bytes as a Buffer: small ones come from Node's shared pool, which
  // is cheaper than the fresh ArrayBuffer bytes() makes.
  toBuffer(): Buffer {
    const copy = Buffer.allocUnsafe(this.pos);
    this.buf.copy(copy, 0, 0, this.pos);
    return copy;
  }

  // Appends src[0, end) verbatim (already encoded messages). Buffer's copy takes any
  // Uint8Array as source and, unlike set(src.subarray(...)), needs no view object.
  writeRaw(src: Uint8Array, end = src.length): void {
    this.ensure(end);
    (Buffer.prototype as Buffer).copy.call(src, this.buf, this.pos, 0, end);
    this.pos += end;
  }

  writeByte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  // Callers guarantee 0 <= v <= 2^64-1 and integral.
  writeUint(v: number | bigint): void {
    if (typeof v === 'bigint') {
      if (v <= 9007199254740991n) return this.writeUint(Number(v));
      this.ensure(9);
      this.buf[this.pos++] = 256 - 8;
      this.buf.writeUInt32BE(Number(v >> 32n), this.pos);
      this.buf.writeUInt32BE(Number(v & 0xffffffffn), this.pos + 4);
      this.pos += 8;
      return;
    }
    this.ensure(9);
    const buf = this.buf;
    if (v < 0x80) {
      buf[this.pos++] = v;
      return;
    }
    const hi = v >= TWO_32 ? Math.floor(v / TWO_32) : 0;
    const lo = v >>> 0;
    const hiBytes = hi === 0 ? 0 : hi < 0x100 ? 1 : hi < 0x10000 ? 2 : hi < 0x1000000 ? 3 : 4;
    const loBytes = hiBytes > 0 ? 4 : lo < 0x100 ? 1 : lo < 0x10000 ? 2 : lo < 0x1000000 ? 3 : 4;
    buf[this.pos++] = 256 - hiBytes - loBytes;
    for (let i = hiBytes - 1; i >= 0; i--) buf[this.pos++] = (hi / 2 ** (8 * i)) & 0xff;
    for (let i = loBytes - 1; i >= 0; i--) buf[this.pos++] = (lo >>> (8 * i)) & 0xff;
  }

  // Callers guarantee -2^63 <= v < 2^63 and integral.
  writeInt(v: number | bigint): void {
    if (typeof v === 'number') {
      if (v >= 0 && v <= 2 ** 52) return this.writeUint(v * 2);
      if (v < 0 && v >= -(2 ** 52)) return this.writeUint((-v - 1) * 2 + 1);
      v = BigInt(v);
    }
    this.writeUint(v < 0n ? ((~v) << 1n) | 1n : v << 1n);
  }

  writeFloat(f: number): void {
    floatScratch.setFloat64(0, f, true);
    let k = 0;
    while (k < 8 && floatScratch.getUint8(k) === 0) k++;
    this.ensure(9);
    if (k === 8) {
      this.buf[this.pos++] = 0;
    } else if (k === 7 && floatScratch.getUint8(7) < 0x80) {
      this.buf[this.pos++] = floatScratch.getUint8(7);
    } else {
      this.buf[this.pos++] = 256 - (8 - k);
      for (let i = k; i < 8; i++) this.buf[this.pos++] = floatScratch.getUint8(i);
    }
  }

  writeString(s: string): void {
    if (s.length <= 64 && this.writeAscii(s)) return;
    const n = Buffer.byteLength(s, 'utf8');
    this.writeUint(n);
    this.ensure(n);
    this.pos += this.buf.write(s, this.pos, n, 'utf8');
  }

  private writeAscii(s: string): boolean {
    const n = s.length;
    for (let i = 0; i < n; i++) if (s.charCodeAt(i) >= 0x80) return false;
    this.ensure(n + 1);
    this.buf[this.pos++] = n; // n <= 64 fits the one-byte form
    for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i);
    return true;
  }

  reset(): void {
    this.pos = 0;
  }

  writeBytes(b: Uint8Array): void {
    this.writeUint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  // Gob prefixes some runs (messages, interface payloads) with their byte count, which is only
  // known afterwards: write the run first, then slide it right to make room for the count.
  insertUintAt(start: number, v: number): void {
    const k = uintLength(v);
    this.ensure(k + 9);
    this.buf.copy(this.buf, start + k, start, this.pos);
    const end = this.pos + k;
    this.pos = start;
    this.writeUint(v);
    this.pos = end;
  }
}

function uintLength(v: number): number {
  if (v < 0x80) return 1;
  let n = 1;
  while (v >= 1) {
    v = Math.floor(v / 256);
    n++;
  }
  return n;
}
