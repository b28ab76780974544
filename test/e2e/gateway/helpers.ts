// Shared helpers for the gateway e2e tests: a logger that records every line, and a
// state waiter that fails with the state it actually saw.
import type { GatewayLink, GatewayLogger, LinkState, LogFields } from '../../../server-ts/gateway';

export interface CapturedLog {
  logger: GatewayLogger;
  lines: string[];
}

export function captureLogger(sink: string[] = []): CapturedLog {
  const write = (level: string) => (message: string, fields?: LogFields) => {
    sink.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}`);
  };
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, lines: sink };
}

export function waitForState<S extends LinkState['status']>(link: GatewayLink, status: S, timeoutMs: number):
  Promise<Extract<LinkState, { status: S }>> {
  return new Promise((resolve, reject) => {
    const check = (s: LinkState) => {
      if (s.status !== status) return false;
      clearTimeout(timer);
      off();
      resolve(s as Extract<LinkState, { status: S }>);
      return true;
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`state ${status} not reached in ${timeoutMs} ms; last: ${JSON.stringify(link.state)}`));
    }, timeoutMs);
    const off = link.onStateChange((s) => void check(s));
    check(link.state);
  });
}

