// Checks what we send with the protocol package's own request validators, so a request the
// gateway would refuse (a field out of range, a missing key) fails here with a clear
// `invalid` error naming the field, before anything goes on the wire.
import type { formatValidationErrors } from '@openclaw/gateway-protocol';
import { GatewayLinkError } from './errors';
import { protocol, type Protocol } from './protocol';

interface ParamsValidator<T> {
  (data: unknown): data is T;
  errors: Parameters<typeof formatValidationErrors>[0];
}

/** `pick` chooses the validator from the loaded package, e.g. `(p) => p.root.validateChatSendParams`. */
export function checkedParams<T>(method: string, pick: (p: Protocol) => ParamsValidator<T>, params: T): T {
  const p = protocol();
  const validate = pick(p);
  if (!validate(params)) throw new GatewayLinkError('invalid', `${method} request is not valid: ${p.root.formatValidationErrors(validate.errors)}`);
  return params;
}
