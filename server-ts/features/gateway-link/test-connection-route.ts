// "Test connection" in the System Console: checks the settings being edited, before they are
// saved, by dialing the gateway once (gateway/probe.ts). The live link is not touched.
//
// The console shows saved secrets as Mattermost's fake value (model.FakeSetting); that value
// stands for "unchanged", so the saved secret is tested. Secrets are never part of an answer.
import { z } from 'zod';
import { parseGatewaySettings, probeGateway, type DeviceStore, type ProbeResult } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import { readJsonBody } from '../http/json-body';
import type { Route } from '../http/router';
import { readPluginConfig, toGatewaySettings, type PluginConfig } from './plugin-config';

/** What Mattermost sends to the System Console in place of a secret that is set. */
export const FAKE_SECRET = '********************************';

const field = z.string().max(65_536).optional();
const TestBodySchema = z.object({
  GatewayURL: field, GatewayToken: field, GatewayPassword: field, AgentId: field, GatewayCACertificate: field, GatewayCertificatePin: field,
}).strict();

export interface TestConnectionDeps {
  api: Pick<PluginAPI, 'loadPluginConfiguration'>;
  store: DeviceStore;
  displayName: () => string;
  clientVersion: string;
  probe?: typeof probeGateway;
  timeoutMs?: number;
}

export interface TestAnswer {
  ok: boolean;
  outcome: ProbeResult['outcome'] | 'invalid';
  message: string;
  gatewayVersion?: string;
  scopes?: string[];
  approveCommand?: string;
}

function scrub(text: string, secrets: Array<string | undefined>): string {
  let clean = text;
  for (const s of secrets) if (s && s.trim().length >= 4) clean = clean.split(s.trim()).join('[secret]');
  return clean;
}

function answerFor(result: ProbeResult): TestAnswer {
  switch (result.outcome) {
    case 'connected':
      return { ok: true, outcome: 'connected', gatewayVersion: result.gatewayVersion, scopes: result.scopes,
        message: `Connected: OpenClaw ${result.gatewayVersion} accepted these settings.` };
    case 'pairing-required':
      return { ok: true, outcome: 'pairing-required', approveCommand: result.approveCommand,
        message: `The gateway accepted these credentials; this device still needs the operator's approval: ${result.approveCommand}` };
    case 'refused':
      return { ok: false, outcome: 'refused', message: result.reason };
    case 'timeout':
      return { ok: false, outcome: 'timeout', message: `No answer: ${result.reason}. Check the URL and that the gateway is reachable from the Mattermost server.` };
  }
}

export function testConnectionRoute(deps: TestConnectionDeps): Route {
  return async (_ctx, req, res) => {
    const body = await readJsonBody(req, TestBodySchema);
    if (!body.ok) return res.json(400, { error: body.error });
    const saved = readPluginConfig(await deps.api.loadPluginConfiguration());
    const edited = readPluginConfig(body.value);
    const secret = (value: string | undefined, fallback: string | undefined) => (value === FAKE_SECRET ? fallback : value);
    const config: PluginConfig = {
      ...edited,
      gatewaytoken: secret(edited.gatewaytoken, saved.gatewaytoken),
      gatewaypassword: secret(edited.gatewaypassword, saved.gatewaypassword),
    };
    const secrets = [config.gatewaytoken, config.gatewaypassword];
    const parsed = parseGatewaySettings(toGatewaySettings(config));
    if (!parsed.ok) {
      return res.json(200, { ok: false, outcome: 'invalid', message: `Invalid settings: ${scrub(parsed.message, secrets)}` } satisfies TestAnswer);
    }
    const result = await (deps.probe ?? probeGateway)({
      settings: parsed.settings, displayName: deps.displayName(), store: deps.store, clientVersion: deps.clientVersion, timeoutMs: deps.timeoutMs,
    });
    const answer = answerFor(result);
    res.json(200, { ...answer, message: scrub(answer.message, secrets) });
  };
}
