// A second operator client of the gateway (loopback backend with the shared token, as the
// OpenClaw apps connect), for reading session history and writing into a session the way
// another client would.
import { randomUUID } from 'node:crypto';
import { GatewayClient } from '@openclaw/gateway-client';
import { rawRequest } from '../../harness';

export interface Operator {
  request<T = Record<string, unknown>>(method: string, params: Record<string, unknown>): Promise<T>;
  /** Every message of the session's transcript as JSON text. */
  history(sessionKey: string): Promise<string>;
  send(sessionKey: string, message: string): Promise<string>;
  /** Sends and waits for the run's terminal `chat` event; resolves with its state. */
  sendAndWait(sessionKey: string, message: string, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export function connectOperator(url: string, token: string, scopes = ['operator.read', 'operator.write']): Promise<Operator> {
  const waiters = new Map<string, (state: string) => void>();
  return new Promise((resolve, reject) => {
    const client = new GatewayClient({
      url, token, clientName: 'gateway-client', mode: 'backend', clientDisplayName: 'second-operator', deviceIdentity: null,
      scopes, caps: [], minProtocol: 4, maxProtocol: 4,
      onHelloOk: () => resolve({
        request: <T>(method: string, params: Record<string, unknown>) => client.request<T>(method, params),
        history: async (sessionKey) => JSON.stringify(await client.request('chat.history', { sessionKey, limit: 100 })),
        send: async (sessionKey, message) => {
          const idempotencyKey = `second-${randomUUID()}`;
          await client.request('chat.send', { sessionKey, message, idempotencyKey });
          return idempotencyKey;
        },
        sendAndWait: async (sessionKey, message, timeoutMs) => {
          const idempotencyKey = `second-${randomUUID()}`;
          const done = new Promise<string>((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`no answer to "${message}" within ${timeoutMs} ms`)), timeoutMs);
            waiters.set(idempotencyKey, (state) => { clearTimeout(timer); res(state); });
          });
          await client.request('chat.send', { sessionKey, message, idempotencyKey });
          return done;
        },
        stop: () => client.stopAndWait({ timeoutMs: 2_000 }).catch(() => undefined),
      }),
      onEvent: (evt: { event: string; payload?: unknown }) => {
        const p = (evt.payload ?? {}) as { runId?: unknown; state?: unknown };
        if (evt.event !== 'chat' || typeof p.runId !== 'string' || typeof p.state !== 'string') return;
        if (!['final', 'error', 'aborted'].includes(p.state)) return;
        waiters.get(p.runId)?.(p.state);
        waiters.delete(p.runId);
      },
      onConnectError: (err: Error) => reject(err),
    });
    client.start();
  });
}

export interface RelayStatsBody {
  ignored: number;
  relayed: number;
  reactionsForwarded: number;
  decisionApiCalls: number;
  ignoredUs: { p50: number; p99: number; max: number };
}

export async function relayStats(url: string, adminToken: string): Promise<RelayStatsBody> {
  const res = await rawRequest(url, '/plugins/openclaw/api/v1/conversations/stats', adminToken);
  if (res.status !== 200) throw new Error(`stats route answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as RelayStatsBody;
}
