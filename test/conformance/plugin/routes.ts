// The conformance plugin's HTTP routes (same as the Go twin's ServeHTTP).
import { createHash } from 'node:crypto';
import type { PluginAPI } from '../../../server-ts/mattermost/plugin/api';
import type { PluginRequest, PluginResponse } from '../../../server-ts/mattermost/plugin/http-types';
import { blob, percentile } from './stats';
import { Script, WorldSchema } from './script';
import { apiScript } from './api-script';
import { kvExpiryScript } from './kv-script';

export async function serveRoute(api: PluginAPI, req: PluginRequest, res: PluginResponse): Promise<void> {
  const route = `${req.method} ${req.path}`;
  switch (route) {
    case 'POST /echo': {
      const body = await req.body();
      res.status(200)
        .setHeader('Content-Type', 'application/octet-stream')
        .setHeader('X-Body-Sha256', createHash('sha256').update(body).digest('hex'))
        .end(body);
      return;
    }
    case 'GET /blob': {
      const size = intParam(req, 'size', 0);
      if (size === undefined) return badRequest(res, 'bad size');
      res.status(200).setHeader('Content-Type', 'application/octet-stream').end(blob(size));
      return;
    }
    case 'GET /kvbench': {
      const n = intParam(req, 'n', 1);
      if (n === undefined) return badRequest(res, 'bad n');
      res.json(200, await kvbench(api, n));
      return;
    }
    case 'POST /api-script': {
      const world = WorldSchema.safeParse(safeJson((await req.body()).toString('utf8')));
      if (!world.success) return badRequest(res, 'bad world');
      res.json(200, (await apiScript(api, world.data)).steps);
      return;
    }
    case 'GET /kv-expiry': {
      const script = new Script();
      await kvExpiryScript(api, script);
      res.json(200, script.steps);
      return;
    }
    case 'GET /ping':
      res.status(200).setHeader('Content-Type', 'application/octet-stream').end(blob(1024));
      return;
    default:
      res.status(404).setHeader('Content-Type', 'text/plain; charset=utf-8').end('404 page not found\n');
  }
}

/** n sequential KVGet("conformance") calls timed inside the plugin, in µs. */
async function kvbench(api: PluginAPI, n: number): Promise<{ n: number; p50Us: number; p99Us: number }> {
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await api.kvGet('conformance');
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  return { n, p50Us: percentile(samples, 50), p99Us: percentile(samples, 99) };
}

function intParam(req: PluginRequest, name: string, min: number): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min ? value : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function badRequest(res: PluginResponse, message: string): void {
  res.status(400).setHeader('Content-Type', 'text/plain; charset=utf-8').end(`${message}\n`);
}
