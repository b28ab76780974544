import { canonicalJson } from './canonical-json';
import { hasValidToken, signContext, signed } from './signature';

test('keys sorted by code point at every level, compact, undefined dropped, arrays in order', () => {
  // The same bytes Python prints for json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
  expect(canonicalJson({ b: 1, a: [{ d: 'é', c: null }, 2], _t: 'x', B: true, u: undefined })).toBe('{"B":true,"_t":"x","a":[{"c":null,"d":"é"},2],"b":1}');
});

test('the token covers every field but itself, and is checked in constant time', () => {
  const secret = 's3cret';
  const ctx = signed(secret, { action_id: 'yes', n: '1' });
  // Known vector: printf '{"action_id":"yes","n":"1"}' | openssl dgst -sha256 -hmac s3cret
  expect(ctx._token).toBe('3a62b94dd10cfabbae5758016fbdbfb439bb1b269771c67beb8476bee4b08fb7');
  expect(signContext(secret, { n: '1', action_id: 'yes' })).toBe(ctx._token);
  expect(hasValidToken(secret, ctx)).toBe(true);
  expect(hasValidToken(secret, { ...ctx, n: '2' })).toBe(false);
  expect(hasValidToken('other', ctx)).toBe(false);
  expect(hasValidToken(secret, { ...ctx, _token: String(ctx._token).toUpperCase() })).toBe(true);
});
