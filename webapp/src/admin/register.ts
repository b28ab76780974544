// Wires the System Console part into the host: the status panel and DM pairing list (custom
// settings of their own) and our own controls for the connection settings, so Test connection
// sees what is being edited. With the plugin disabled Mattermost shows its plain controls.
import { connectionField, type FieldSpec } from './connection-field';
import { PairingPanel } from './pairing-panel';
import { SectionHeading } from './section-heading';
import { StatusPanel } from './status-panel';
import type { AdminRegistry } from './types';

const FIELDS: FieldSpec[] = [
  { key: 'GatewayURL', placeholder: 'wss://gateway.example.com' },
  { key: 'GatewayToken', placeholder: 'gateway.auth.token', secret: true },
  { key: 'GatewayPassword', placeholder: 'only for password auth', secret: true },
  { key: 'AgentId', placeholder: 'main' },
  { key: 'GatewayCACertificate', placeholder: '-----BEGIN CERTIFICATE-----', multiline: true },
  { key: 'GatewayCertificatePin', placeholder: 'AB:CD:EF:…' },
];

export function registerAdminConsole(registry: AdminRegistry): void {
  registry.registerAdminConsoleCustomSetting('GatewayStatus', StatusPanel, { showTitle: false });
  registry.registerAdminConsoleCustomSetting('DmPairingRequests', PairingPanel, { showTitle: true });
  registry.registerAdminConsoleCustomSetting('SectionDirectMessages', SectionHeading, { showTitle: false });
  registry.registerAdminConsoleCustomSetting('SectionChannels', SectionHeading, { showTitle: false });
  for (const spec of FIELDS) registry.registerAdminConsoleCustomSetting(spec.key, connectionField(spec), { showTitle: true });
}
