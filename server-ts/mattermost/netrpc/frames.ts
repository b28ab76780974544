// Go's net/rpc puts a header value before every request/response body on the same gob stream.
// The gob struct names are informational only; the field names are what Go matches on.
import { t, type GobValue } from '../gob';
import { GobError } from '../gob/errors';

export const RequestHeaderType = t.struct('Request', () => [
  ['ServiceMethod', t.string],
  ['Seq', t.uint],
]);

export const ResponseHeaderType = t.struct('Response', () => [
  ['ServiceMethod', t.string],
  ['Seq', t.uint],
  ['Error', t.string],
]);

/** Go's server sends `invalidRequest struct{}` as the body of every error response. */
export const EmptyStructType = t.struct('Empty', () => []);

export interface RequestHeader { ServiceMethod?: string; Seq?: number | bigint }
export interface ResponseHeader { ServiceMethod?: string; Seq?: number | bigint; Error?: string }

/** A decoded header; anything but a struct (a plain object) means the stream is not net/rpc. */
export function asHeader(v: GobValue): ResponseHeader {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) {
    throw new GobError('rpc: header is not a struct');
  }
  return v as ResponseHeader;
}

export function seqKey(seq: number | bigint | undefined): string {
  return String(seq ?? 0);
}
