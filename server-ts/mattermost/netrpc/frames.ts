// Go's net/rpc puts a header value before every request/response body on the same gob stream.
// The gob struct names are informational only; the field names are what Go matches on.
import { t } from '../gob';

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

export function seqKey(seq: number | bigint | undefined): string {
  return String(seq ?? 0);
}
