#!/usr/bin/env node
// Starts the gateway test bed and keeps it up until Ctrl-C: `node test/gateway-bed/run.cjs`.
// Prints the URLs and token so a plugin (or a person) can connect to it.
'use strict';
const { startBed } = require('./bed.cjs');

(async () => {
  const bed = await startBed({ keepDir: true });
  console.log(JSON.stringify({
    remoteUrl: bed.remoteUrl, localUrl: bed.localUrl, token: bed.token, modelBaseUrl: bed.model.baseUrl,
    stateDir: bed.dir, gatewayReadyMs: bed.gateway.startedInMs,
    approve: `OPENCLAW_CONFIG_PATH=${bed.dir}/openclaw.json OPENCLAW_STATE_DIR=${bed.dir}/state node test/.work/openclaw/node_modules/openclaw/openclaw.mjs devices approve <requestId>`,
  }, null, 2));
  const stop = async () => { await bed.stop(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
})().catch((err) => { console.error(err); process.exit(1); });
