// `npm start`'s OpenClaw half: the real gateway (installed on first use) in front of the
// fake model, wired into the plugin's settings. The plugin dials the gateway's loopback URL,
// where the gateway approves it by itself; the proxied "remote" URL is printed for trying
// the operator pairing flow by hand.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Client4 } from '@mattermost/client';
import type { Bed } from '../gateway-bed/bed.cjs';
import { REPO_ROOT } from './paths';
import { setPluginSettings } from './plugin-settings';

const load = createRequire(__filename);

export async function startGateway(admin: Client4): Promise<Bed> {
  const install = load(join(REPO_ROOT, 'test/gateway-bed/install.cjs')) as { ensureOpenclaw(): unknown };
  await install.ensureOpenclaw();
  const { startBed } = load(join(REPO_ROOT, 'test/gateway-bed/bed.cjs')) as { startBed: () => Promise<Bed> };
  const bed = await startBed();
  await setPluginSettings(admin, { gatewayurl: bed.localUrl, gatewaytoken: bed.token });
  return bed;
}

export function gatewayLines(bed: Bed): string[] {
  return [
    `gateway:    ${bed.localUrl} (token ${bed.token}); fake model at ${bed.model.baseUrl}`,
    `            to try operator pairing: set GatewayURL to ${bed.remoteUrl} (seen as remote), then run the`,
    '            approveCommand shown by GET /plugins/openclaw/api/v1/status (as admin)',
    '            try: /oc_status in any channel (answered privately by the gateway)',
    `gateway log: ${bed.gateway.logPath}`,
  ];
}
