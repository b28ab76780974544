// Turns a failed request of the reference client into our error: a local deadline, a
// refusal by the gateway (with its code), or a connection that went away meanwhile.
// Messages pass the redactor: a gateway may echo what it was sent.
import { GatewayLinkError } from './errors';

export function mapRequestError(method: string, err: unknown, timeoutMs: number, redact: (s: string) => string): GatewayLinkError {
  const e = (err ?? {}) as { code?: unknown; gatewayCode?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (e.code === 'CLIENT_TIMEOUT') return new GatewayLinkError('timeout', `OpenClaw gateway did not answer ${method} within ${Math.round(timeoutMs / 1000)} s`);
  if (typeof e.gatewayCode === 'string') {
    return new GatewayLinkError('rejected', `OpenClaw gateway rejected ${method}: ${redact(message)}`, e.gatewayCode);
  }
  return new GatewayLinkError('disconnected', `OpenClaw gateway connection dropped during ${method}: ${redact(message)}`);
}
