// An operator of the gateway that records every `chat` event (the gateway broadcasts them to
// each operator.read connection): the time each delta of a session left the gateway, with the
// text so far, and sends prompts of its own for the seed's method.
import { randomUUID } from 'node:crypto';
import { GatewayClient } from '@openclaw/gateway-client';
import type { GatewayDelta } from './stream-meter';

export interface ChatEvent {
  at: number;
  sessionKey: string;
  state: string;
  text: string;
}

export interface Watcher {
  events: ChatEvent[];
  deltas(sessionKey: string, from: number): GatewayDelta[];
  /** Resolves with the final text of the next finished run of the session after index `from`. */
  final(sessionKey: string, from: number, timeoutMs?: number): Promise<string>;
  send(sessionKey: string, message: string): Promise<void>;
  /** Called with every recorded event, as it comes. */
  onChat(listener: (e: ChatEvent) => void): () => void;
  stop(): Promise<void>;
}

function textOf(message: unknown): string {
  const content = (message as { content?: unknown } | undefined)?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((c: { text?: unknown }) => (typeof c?.text === 'string' ? c.text : '')).join('');
}

export function watchGateway(url: string, token: string): Promise<Watcher> {
  const events: ChatEvent[] = [];
  const finals: Array<() => void> = [];
  const listeners = new Set<(e: ChatEvent) => void>();
  return new Promise((resolve, reject) => {
    const client = new GatewayClient({
      url, token, clientName: 'gateway-client', mode: 'backend', clientDisplayName: 'stream-bench', deviceIdentity: null,
      scopes: ['operator.read', 'operator.write'], caps: [], minProtocol: 4, maxProtocol: 4,
      onHelloOk: () => resolve({
        events,
        deltas: (key, from) => events.slice(from).filter((e) => e.sessionKey === key && e.state === 'delta').map((e) => ({ at: e.at, text: e.text })),
        final: (key, from, timeoutMs = 180_000) => new Promise((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`no final answer in ${key} within ${timeoutMs} ms`)), timeoutMs);
          const check = (): void => {
            const f = events.slice(from).find((e) => e.sessionKey === key && e.state !== 'delta');
            if (!f) return;
            clearTimeout(timer);
            finals.splice(finals.indexOf(check), 1);
            res(f.text);
          };
          finals.push(check);
          check();
        }),
        send: async (sessionKey, message) => {
          await client.request('chat.send', { sessionKey, message, idempotencyKey: `bench-${randomUUID()}` });
        },
        onChat: (listener) => {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
        stop: () => client.stopAndWait({ timeoutMs: 2_000 }).catch(() => undefined),
      }),
      onEvent: (evt: { event: string; payload?: unknown }) => {
        if (evt.event !== 'chat') return;
        const p = (evt.payload ?? {}) as { sessionKey?: unknown; state?: unknown; message?: unknown };
        if (typeof p.sessionKey !== 'string' || typeof p.state !== 'string' || p.state === 'status') return;
        const e = { at: Date.now(), sessionKey: p.sessionKey, state: p.state, text: textOf(p.message) };
        events.push(e);
        for (const l of [...listeners]) l(e);
        for (const f of [...finals]) f();
      },
      onConnectError: (err: Error) => reject(err),
    });
    client.start();
  });
}
