import { Flag, FrameType, HEADER_SIZE } from './constants';
import { YamuxProtocolError } from './errors';
import { decodeHeader, encodeHeader, type FrameHeader } from './frame';
import { FrameReader } from './frame-reader';

type Got = FrameHeader & { payload?: string };

function collect(max = 1024): { reader: FrameReader; got: Got[] } {
  const got: Got[] = [];
  const reader = new FrameReader((h, p) => got.push({ ...h, payload: p?.toString() }), max);
  return { reader, got };
}

/** What fn throws (undefined when it returns), so the error's fields can be matched. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

function frame(type: FrameType, flags: number, id: number, payload: string | number): Buffer {
  if (typeof payload === 'number') return encodeHeader(type, flags, id, payload);
  const body = Buffer.from(payload);
  return Buffer.concat([encodeHeader(type, flags, id, body.length), body]);
}

const sample = Buffer.concat([
  frame(FrameType.WindowUpdate, Flag.SYN, 1, 0),
  frame(FrameType.Data, 0, 1, 'hello'),
  frame(FrameType.Ping, Flag.SYN, 0, 0xdeadbeef),
  frame(FrameType.Data, Flag.FIN, 1, ''),
  frame(FrameType.Data, 0, 3, 'x'.repeat(300)),
  frame(FrameType.GoAway, 0, 0, 0),
]);

const expected = [
  { type: FrameType.WindowUpdate, flags: Flag.SYN, streamId: 1, length: 0, payload: undefined },
  { type: FrameType.Data, flags: 0, streamId: 1, length: 5, payload: 'hello' },
  { type: FrameType.Ping, flags: Flag.SYN, streamId: 0, length: 0xdeadbeef, payload: undefined },
  { type: FrameType.Data, flags: Flag.FIN, streamId: 1, length: 0, payload: undefined },
  { type: FrameType.Data, flags: 0, streamId: 3, length: 300, payload: 'x'.repeat(300) },
  { type: FrameType.GoAway, flags: 0, streamId: 0, length: 0, payload: undefined },
];

describe('frame codec', () => {
  it('encodes the 12-byte big-endian header', () => {
    expect(encodeHeader(FrameType.WindowUpdate, Flag.SYN | Flag.ACK, 0x01020304, 0x0a0b0c0d).toString('hex')).toBe(
      '00010003010203040a0b0c0d',
    );
    expect(decodeHeader(Buffer.from('000200020000000000000007', 'hex'), 10)).toEqual({
      type: FrameType.Ping,
      flags: Flag.ACK,
      streamId: 0,
      length: 7,
    });
  });

  it('parses many frames delivered in one chunk', () => {
    const { reader, got } = collect();
    reader.push(sample);
    expect(got).toEqual(expected);
    expect(reader.pendingBytes).toBe(0);
  });

  it('parses frames split byte by byte', () => {
    const { reader, got } = collect();
    for (let i = 0; i < sample.length; i++) reader.push(sample.subarray(i, i + 1));
    expect(got).toEqual(expected);
  });

  it('parses frames split at every possible pair of cut points', () => {
    for (let a = 1; a < sample.length; a += 7) {
      for (let b = a; b < sample.length; b += 13) {
        const { reader, got } = collect();
        reader.push(sample.subarray(0, a));
        reader.push(sample.subarray(a, b));
        reader.push(sample.subarray(b));
        expect(got).toEqual(expected);
      }
    }
  });

  it.each([
    ['invalid-version', Buffer.from('010000000000000100000000', 'hex')],
    ['invalid-type', Buffer.from('000400000000000100000000', 'hex')],
    ['frame-too-large', encodeHeader(FrameType.Data, 0, 1, 1025)],
  ])('rejects %s and stays failed', (code, bytes) => {
    const { reader, got } = collect(1024);
    expect(thrownBy(() => reader.push(bytes))).toMatchObject({ name: 'YamuxProtocolError', code });
    expect(() => reader.push(frame(FrameType.Ping, Flag.SYN, 0, 1))).toThrow(YamuxProtocolError);
    expect(got).toEqual([]);
  });

  it('allows window updates with lengths above the data bound', () => {
    const { reader, got } = collect(1024);
    reader.push(frame(FrameType.WindowUpdate, 0, 1, 0xffffffff));
    expect(got[0].length).toBe(0xffffffff);
  });

  it('reports a frame truncated at end of input', () => {
    const { reader } = collect();
    reader.push(sample.subarray(0, HEADER_SIZE + 2));
    expect(thrownBy(() => reader.finish())).toMatchObject({ name: 'YamuxProtocolError', code: 'truncated-frame' });
    const clean = collect();
    clean.reader.push(sample);
    expect(() => clean.reader.finish()).not.toThrow();
  });
});
