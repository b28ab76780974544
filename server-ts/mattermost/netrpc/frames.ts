// Go's net/rpc puts a header value before every request/response body on the same gob stream.
// The gob struct names are informational only; the field names are what Go matches on.
import { t, check, type GobValue, type Infer } from '../gob';

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

export type RequestHeader = Infer<typeof RequestHeaderType>;
export type ResponseHeader = Infer<typeof ResponseHeaderType>;

/** A decoded header (a request's is a response's without Error); anything else means the stream is not net/rpc. */
export function asHeader(v: GobValue): ResponseHeader {
  return check(ResponseHeaderType, v, 'rpc: header');
}

export function seqKey(seq: number | bigint | undefined): string {
  return String(seq ?? 0);
}
