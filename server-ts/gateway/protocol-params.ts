// Checks what we send with the protocol package's own request validators, so a request the
// gateway would refuse (a field out of range, a missing key) fails here with a clear
// `invalid` error naming the field, before anything goes on the wire.
import { formatValidationErrors } from '@openclaw/gateway-protocol';
import { GatewayLinkError } from './errors';

interface ParamsValidator<T> {
  (data: unknown): data is T;
  errors: Parameters<typeof formatValidationErrors>[0];
}

export function checkedParams<T>(method: string, validate: ParamsValidator<T>, params: T): T {
  if (!validate(params)) throw new GatewayLinkError('invalid', `${method} request is not valid: ${formatValidationErrors(validate.errors)}`);
  return params;
}
