// Test double for the gateway behind a GatewayLink: hands the link fake clients, answers
// their requests from per-method handlers, and lets a test push events and hello-ok frames
// the way the reference client would deliver them. Unit tests only.
import type { GatewayClientOptions } from '@openclaw/gateway-client';
import type { EventFrame } from '@openclaw/gateway-protocol';
import type { ClientFactory, GatewayClientPort } from '../client-port';
import { MemoryDeviceStore } from '../device-store';
import { GatewayLink, type GatewayLinkOptions } from '../link';

export type Handler = (params: Record<string, unknown>) => unknown;

export interface Call {
  method: string;
  params: Record<string, unknown>;
}

/** A gateway-side refusal, shaped like the reference client's request error. */
export function gatewayError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, gatewayCode: code });
}

export class FakeClient implements GatewayClientPort {
  stopped = false;
  constructor(readonly opts: GatewayClientOptions, private readonly gateway: FakeGateway) {}
  start(): void {}
  async stopAndWait(): Promise<void> {
    this.stopped = true;
  }
  async request<T>(method: string, params?: unknown): Promise<T> {
    const p = (params ?? {}) as Record<string, unknown>;
    this.gateway.calls.push({ method, params: p });
    const handler = this.gateway.handlers.get(method);
    if (!handler) throw gatewayError('INVALID_REQUEST', `unknown method: ${method}`);
    return (await handler(p)) as T;
  }
}

export const HELLO = {
  type: 'hello-ok', protocol: 4, server: { version: '2026.9.6', connId: 'c1' },
  auth: { role: 'operator', scopes: ['operator.read', 'operator.write'], method: 'token' },
  policy: { maxPayload: 26214400, maxBufferedBytes: 52428800, tickIntervalMs: 30000, attachments: { maxBytes: 19464192, maxImageBytes: 6291456 } },
};

export class FakeGateway {
  readonly clients: FakeClient[] = [];
  readonly calls: Call[] = [];
  readonly handlers = new Map<string, Handler>();
  private seq = 0;
  private waiters: Array<(c: FakeClient) => void> = [];

  constructor() {
    // The gateway uses the idempotency key as run id for a message it admits directly.
    this.on('chat.send', (p) => ({ runId: p.idempotencyKey, status: 'started' }));
  }

  readonly factory: ClientFactory = (opts) => {
    const client = new FakeClient(opts, this);
    this.clients.push(client);
    for (const w of this.waiters.splice(0)) w(client);
    return client;
  };

  on(method: string, handler: Handler): this {
    this.handlers.set(method, handler);
    return this;
  }

  get client(): FakeClient {
    const c = this.clients[this.clients.length - 1];
    if (!c) throw new Error('no client was created yet');
    return c;
  }

  /** Resolves with the next client the link creates (or the current one when `existing`). */
  nextClient(): Promise<FakeClient> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  hello(overrides: Record<string, unknown> = {}): void {
    // Tests send partial frames on purpose: the link must read hello-ok defensively.
    const onHello = this.client.opts.onHelloOk as ((hello: unknown) => void) | undefined;
    onHello?.({ ...HELLO, ...overrides });
  }

  emit(event: string, payload: unknown): void {
    const frame: EventFrame = { type: 'event', event, payload, seq: ++this.seq };
    this.client.opts.onEvent?.(frame);
  }

  /** A `chat` event as the gateway broadcasts it (seq per run is not checked by the link). */
  chat(runId: string, sessionKey: string, state: string, extra: Record<string, unknown> = {}): void {
    this.emit('chat', { runId, sessionKey, seq: this.seq, state, ...extra });
  }

  agent(runId: string, sessionKey: string, stream: string, data: Record<string, unknown>): void {
    this.emit('agent', { runId, sessionKey, seq: this.seq, stream, ts: Date.now(), data });
  }

  methodCalls(method: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.params);
  }
}

/** A started link whose first client has said hello, i.e. `connected`. */
export async function connectedLink(gateway: FakeGateway, opts: Partial<GatewayLinkOptions> = {}): Promise<GatewayLink> {
  const link = new GatewayLink({
    settings: { url: 'ws://127.0.0.1:18789', auth: { kind: 'token', token: 'shared-secret-token' }, agentId: 'main' },
    displayName: 'Test', store: new MemoryDeviceStore(), clientFactory: gateway.factory,
    backoff: { initialMs: 5, maxMs: 20, pairingPollMs: 5 }, ...opts,
  });
  const first = gateway.nextClient();
  link.start();
  await first;
  gateway.hello();
  if (link.state.status !== 'connected') throw new Error(`link not connected: ${JSON.stringify(link.state)}`);
  return link;
}

export const text = (t: string) => ({ role: 'assistant', content: [{ type: 'text', text: t }], timestamp: 1 });
