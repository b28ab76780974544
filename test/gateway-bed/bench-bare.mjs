#!/usr/bin/env node
// Bare-client baseline for `npm run bench:gateway`: the same gateway slash command sent by
// the reference client alone (no plugin, no Mattermost), timed from chat.send to the
// `chat` final event of that run. Usage:
//   node test/gateway-bed/bench-bare.mjs [--runs 30] [--command /status] [--url ws://… --token …]
// Without --url it starts its own test bed. `benchBare()` is exported so the combined
// bench can measure the baseline in the same run as the plugin path.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { GatewayClient } from '@openclaw/gateway-client';

const require = createRequire(import.meta.url);

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function connect(url, token) {
  return new Promise((resolve, reject) => {
    const waiters = new Map();
    // Loopback backend identity: the gateway grants requested scopes without a device.
    const client = new GatewayClient({
      url, token, clientName: 'gateway-client', mode: 'backend', clientDisplayName: 'bench-bare', deviceIdentity: null,
      scopes: ['operator.read', 'operator.write'], caps: [], minProtocol: 4, maxProtocol: 4,
      onHelloOk: () => resolve({ client, waiters }),
      onConnectError: (err) => reject(err),
      onEvent: (evt) => {
        const p = evt.payload ?? {};
        if (evt.event !== 'chat' || !['final', 'error', 'aborted'].includes(p.state)) return;
        const w = waiters.get(p.runId);
        if (w) { waiters.delete(p.runId); w(p); }
      },
    });
    client.start();
  });
}

export async function benchBare({ url, token, runs = 30, warmup = 3, command = '/status', sessionKey = 'agent:main:bench:channel:bare' }) {
  const { client, waiters } = await connect(url, token);
  const once = async () => {
    const idempotencyKey = randomUUID();
    const final = new Promise((r) => waiters.set(idempotencyKey, r));
    const t0 = performance.now();
    await client.request('chat.send', { sessionKey, message: command, idempotencyKey });
    const p = await final;
    if (p.state !== 'final') throw new Error(`bench run ended ${p.state}`);
    return performance.now() - t0;
  };
  try {
    for (let i = 0; i < warmup; i += 1) await once();
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push(await once());
    const sorted = [...samples].sort((a, b) => a - b);
    return { command, runs, p50Ms: +percentile(sorted, 50).toFixed(1), p95Ms: +percentile(sorted, 95).toFixed(1),
      minMs: +sorted[0].toFixed(1), maxMs: +sorted[sorted.length - 1].toFixed(1) };
  } finally {
    await client.stopAndWait({ timeoutMs: 2000 }).catch(() => {});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, command: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' } } });
  let bed;
  try {
    let { url, token } = values;
    if (!url) {
      const { startBed } = require('./bed.cjs');
      bed = await startBed();
      url = bed.localUrl;
      token = bed.token;
    }
    const result = await benchBare({ url, token, runs: Number(values.runs ?? 30), command: values.command ?? '/status' });
    console.log(JSON.stringify({ bench: 'gateway-bare', ...result }));
  } finally {
    await bed?.stop();
  }
}
