// Starts the real OpenClaw gateway for tests: isolated state folder, token auth, loopback
// bind, no channels, no update checks, pointed at the fake model. The process runs in its
// own process group so stop() (and the exit hook) can take down its worker children too.
'use strict';
const { spawn, execFile } = require('node:child_process');
const { mkdirSync, writeFileSync, openSync, closeSync, readFileSync } = require('node:fs');
const net = require('node:net');
const { join, dirname } = require('node:path');
const { ensureOpenclaw, nodeBinary } = require('./install.cjs');

const live = new Set();
process.once('exit', () => { for (const pid of live) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } } });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Extra catalog entries (all served by the fake model), e.g. for the model picker's pages. */
function extraProviders(modelBaseUrl, extraModels = []) {
  const providers = {};
  for (const { provider, id, name, reasoning } of extraModels) {
    if (provider === 'fake') continue;
    providers[provider] ??= { baseUrl: modelBaseUrl, apiKey: 'sk-fake-local', api: 'openai-completions', models: [] };
    providers[provider].models.push(catalogEntry(id, name, reasoning));
  }
  return providers;
}

/** `reasoning`: the gateway streams the model's reasoning (agent `thinking` events) only for such a model. */
function catalogEntry(id, name, reasoning = false) {
  return { id, name, reasoning, input: ['text'], cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 32000, maxTokens: 1024 };
}

function writeConfig(dir, { port, token, modelBaseUrl, extraModels = [], maxConcurrent }) {
  const config = {
    gateway: {
      mode: 'local', port, bind: 'custom', customBindHost: '127.0.0.1',
      // Lets the XFF proxy on 127.0.0.1 vouch for a "remote" client address.
      trustedProxies: ['127.0.0.1'],
      auth: { mode: 'token', token },
      controlUi: { enabled: false },
    },
    update: { checkOnStart: false, auto: { enabled: false } },
    models: {
      mode: 'replace', catalogRefresh: { enabled: false },
      providers: { fake: {
        baseUrl: modelBaseUrl, apiKey: 'sk-fake-local', api: 'openai-completions',
        // Images too: a relayed image then reaches the model as an image part (gateway-probe-2 §Q2).
        models: [{ id: 'fake-1', name: 'Fake Model', reasoning: false, input: ['text', 'image'],
          cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 32000, maxTokens: 1024 },
        ...extraModels.filter((m) => m.provider === 'fake').map((m) => catalogEntry(m.id, m.name, m.reasoning))],
      }, ...extraProviders(modelBaseUrl, extraModels) },
    },
    // maxConcurrent: top-level runs at once (the gateway's default is a few per CPU core).
    agents: { defaults: { model: { primary: 'fake/fake-1' }, workspace: join(dir, 'workspace'), ...(maxConcurrent ? { maxConcurrent } : {}) } },
    tools: { exec: { host: 'gateway', mode: 'ask' } },
    diagnostics: { otel: { enabled: false } },
    logging: { level: 'info', file: join(dir, 'logs', 'gateway-file.log') },
  };
  const path = join(dir, 'openclaw.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

function gatewayEnv(dir, token) {
  return {
    ...process.env,
    // Our Node 24 first, for the gateway's own child workers and the CLI.
    PATH: `${dirname(nodeBinary())}:${process.env.PATH || ''}`,
    HOME: join(dir, 'home'),
    OPENCLAW_HOME: join(dir, 'home'), OPENCLAW_STATE_DIR: join(dir, 'state'), OPENCLAW_CONFIG_PATH: join(dir, 'openclaw.json'),
    OPENCLAW_DISABLE_BONJOUR: '1', OPENCLAW_NO_RESPAWN: '1', OPENCLAW_SKIP_CHANNELS: '1', OPENCLAW_EXEC_SHELL_SNAPSHOT: '0',
    OPENCLAW_OFFLINE: '1', OPENCLAW_NO_AUTO_UPDATE: '1', OPENCLAW_GATEWAY_TOKEN: token, NO_COLOR: '1',
    TMPDIR: join(dir, 'tmp'),
  };
}

async function waitReady(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway not ready within ${timeoutMs} ms`);
}

/**
 * @param {{ dir: string, modelBaseUrl: string, port?: number, token?: string, readyTimeoutMs?: number,
 *   extraModels?: Array<{ provider: string, id: string, name: string, reasoning?: boolean }>, maxConcurrent?: number }} opts
 */
async function startGateway(opts) {
  const entry = ensureOpenclaw({ quiet: true });
  const dir = opts.dir;
  for (const sub of ['home', 'state', 'logs', 'workspace', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  const port = opts.port ?? (await freePort());
  const token = opts.token ?? `bed-token-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  writeConfig(dir, { port, token, modelBaseUrl: opts.modelBaseUrl, extraModels: opts.extraModels, maxConcurrent: opts.maxConcurrent });
  const env = gatewayEnv(dir, token);
  const logPath = join(dir, 'logs', 'gateway.out');
  const cli = (args, timeoutMs = 30_000) => new Promise((resolve, reject) => {
    execFile(nodeBinary(), [entry, ...args], { env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      (err ? reject(new Error(`openclaw ${args.join(' ')} failed: ${err.message}\n${stderr}`)) : resolve(stdout)));
  });

  let child;
  const handle = {
    port, token, dir, env, logPath,
    url: `ws://127.0.0.1:${port}`,
    get pid() { return child && child.pid; },
    startedInMs: 0,
    async start() {
      const started = Date.now();
      const out = openSync(logPath, 'a');
      child = spawn(nodeBinary(), [entry, 'gateway', 'run', '--port', String(port), '--auth', 'token'],
        { env, cwd: dir, detached: true, stdio: ['ignore', out, out] });
      closeSync(out);
      live.add(child.pid);
      child.once('exit', () => live.delete(child.pid));
      try {
        // ~10 s on an idle machine, but 80-165 s measured cold on a loaded two-core box.
        await waitReady(port, child, opts.readyTimeoutMs ?? 180_000);
      } catch (err) {
        await handle.stop();
        throw new Error(`${err.message}; log tail:\n${readFileSync(logPath, 'utf8').slice(-2000)}`, { cause: err });
      }
      handle.startedInMs = Date.now() - started;
      return handle;
    },
    /** SIGTERM to the whole group (clean shutdown ~2 s), SIGKILL after 8 s. */
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      try { process.kill(-c.pid, 'SIGTERM'); } catch { return; }
      const timer = setTimeout(() => { try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ } }, 8000);
      await exited;
      clearTimeout(timer);
      // Workers share the group; make sure none linger holding the port.
      try { process.kill(-c.pid, 'SIGKILL'); } catch { /* all gone */ }
      live.delete(c.pid);
    },
    cli,
    async listDevices() { return JSON.parse(await cli(['devices', 'list', '--json'])); },
    /** Approves a pending pairing request the way an operator would. */
    async approveDevice(requestId) { return JSON.parse(await cli(['devices', 'approve', requestId, '--json'])); },
  };
  return handle.start();
}

module.exports = { startGateway, freePort };
