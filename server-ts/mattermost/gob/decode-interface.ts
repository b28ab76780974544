// What precedes an interface's concrete value: its registered name, then the definitions of
// types first met there, then the concrete type's id. Like Go's
// decodeTypeSequence(isInterface=true), the definitions may take messages of their own.
import { GobError, NEED_MORE } from './errors';
import { readFrame } from './frame';
import { parseWireType } from './parse-wire-type';
import type { TypeTable } from './type-table';
import type { Reader } from './wire-primitives';
import { MAX_TYPE_ID } from './wire-types';

const MAX_NAME_LENGTH = 2 ** 31;

// Receives one "-id wireType" definition whose id was already read (negated).
export function receiveType(r: Reader, types: TypeTable, negId: number | bigint): void {
  const id = typeof negId === 'number' ? -negId : Number.NaN;
  if (!(id > 0 && id <= MAX_TYPE_ID)) throw new GobError(`bad data: invalid type id ${negId}`);
  types.define(id, parseWireType(r));
}

// The interface's name; null for a nil interface, which has nothing more.
export function readInterfaceName(r: Reader): string | null {
  const nameLen = r.readUint();
  if (typeof nameLen !== 'number' || nameLen > MAX_NAME_LENGTH) {
    throw new GobError(`invalid type name length ${nameLen}`);
  }
  if (nameLen > r.remaining()) throw new GobError(`invalid type name length ${nameLen}: exceeds input size`);
  if (nameLen === 0) return null;
  const name = r.buf.toString('utf8', r.pos, r.pos + nameLen);
  r.pos += nameLen;
  return name;
}

// Receives the definitions that follow the name and returns the concrete type's id, leaving
// `r` at the concrete value. When the current message is used up, it continues with the next
// one, if it has arrived before `limit`; otherwise the whole value is retried later.
export function readConcreteTypeId(r: Reader, types: TypeTable, limit: number): number {
  for (;;) {
    if (r.pos >= r.end) nextMessage(r, limit);
    const id = r.readInt();
    if (typeof id === 'number' && id >= 0) {
      r.readUint(); // byte count of the concrete value; only useful for skipping
      return id;
    }
    receiveType(r, types, id);
    // Any bytes left belong to a delimited value whose leading count we skip, as Go does.
    if (r.pos < r.end) r.readUint();
  }
}

function nextMessage(r: Reader, limit: number): void {
  const frame = readFrame(r.buf, r.end, limit);
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a symbol on purpose: no stack to capture, caught inside GobDecoder
  if (!frame) throw NEED_MORE;
  r.pos = frame.bodyStart;
  r.end = frame.bodyEnd;
}
