// HMAC-SHA256 (hex) over the canonical JSON of a button context without its `_token`,
// the scheme OpenClaw's Mattermost channel documents for buttons, so one verifier serves
// our own buttons and those of external scripts (each with its own secret).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const TOKEN_KEY = '_token';

export type Context = Record<string, unknown>;

export function signContext(secret: string, context: Context): string {
  const rest = { ...context };
  delete rest[TOKEN_KEY];
  return createHmac('sha256', secret).update(canonicalJson(rest), 'utf8').digest('hex');
}

/** The context with its `_token` set. */
export function signed(secret: string, context: Context): Context {
  return { ...context, [TOKEN_KEY]: signContext(secret, context) };
}

/** Constant-time check of `context._token`; false for a missing or malformed token. */
export function hasValidToken(secret: string, context: Context): boolean {
  const token = context[TOKEN_KEY];
  if (typeof token !== 'string' || !/^[0-9a-f]{64}$/i.test(token)) return false;
  const expected = Buffer.from(signContext(secret, context), 'hex');
  return timingSafeEqual(expected, Buffer.from(token.toLowerCase(), 'hex'));
}
