// The whole gateway test bed in one call: fake model, real gateway, and the loopback
// proxy through which our client looks remote (so pairing is real, not auto-approved).
'use strict';
const { mkdtempSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { startFakeModel } = require('./fake-model.cjs');
const { startGateway } = require('./gateway.cjs');
const { startXffProxy } = require('./xff-proxy.cjs');

const WORK = join(__dirname, '..', '.work', 'gateway-bed');

async function startBed({ keepDir = false, modelDelayMs, extraModels, maxConcurrent } = {}) {
  mkdirSync(WORK, { recursive: true });
  const dir = mkdtempSync(join(WORK, 'run-'));
  const model = await startFakeModel({ delayMs: modelDelayMs });
  let gateway;
  let proxy;
  try {
    gateway = await startGateway({ dir, modelBaseUrl: model.baseUrl, extraModels, maxConcurrent });
    proxy = await startXffProxy({ targetPort: gateway.port });
  } catch (err) {
    await model.close();
    if (gateway) await gateway.stop();
    throw err;
  }
  return {
    dir, model, gateway, proxy,
    /** URL that makes the client look remote (pairing required). */
    remoteUrl: `ws://127.0.0.1:${proxy.port}`,
    /** Direct loopback URL (local devices are auto-approved). */
    localUrl: gateway.url,
    token: gateway.token,
    approveDevice: (requestId) => gateway.approveDevice(requestId),
    async stop() {
      await proxy.close();
      await gateway.stop();
      await model.close();
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startBed };
