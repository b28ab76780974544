import { isUnconfigured, readPluginConfig, toGatewaySettings } from './plugin-config';

test('setting keys match case-insensitively, like Go plugins', () => {
  const config = readPluginConfig({ GatewayURL: 'wss://gw.example.com', gatewaytoken: 'secret', AGENTID: 'ops' });
  expect(toGatewaySettings(config)).toMatchObject({ gatewayUrl: 'wss://gw.example.com', gatewayToken: 'secret', agentId: 'ops' });
});

test('non-string values are read as text rather than rejected', () => {
  expect(readPluginConfig({ AgentId: 42 }).agentid).toBe('42');
  expect(readPluginConfig({ AgentId: true }).agentid).toBe('true');
  expect(readPluginConfig({ GatewayURL: { host: 'gw' } }).gatewayurl).toBe('{"host":"gw"}');
});

test('an empty form counts as unconfigured; any gateway field counts as configured', () => {
  expect(isUnconfigured(readPluginConfig({}))).toBe(true);
  expect(isUnconfigured(readPluginConfig(null))).toBe(true);
  expect(isUnconfigured(readPluginConfig({ GatewayURL: 'ws://127.0.0.1:1' }))).toBe(false);
});
