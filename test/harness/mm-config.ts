// The config.json the test bed gives Mattermost. Only settings that matter to
// us are listed; the server fills in defaults for the rest on start-up.
import { join } from 'node:path';

export interface ConfigInputs {
  port: number;
  dataSource: string;
  /** Per-run temp folder: data, plugins, logs and the local-mode socket live here. */
  dir: string;
}

export const MIB = 1024 * 1024;

export function mattermostConfig({ port, dataSource, dir }: ConfigInputs): Record<string, unknown> {
  const siteUrl = `http://127.0.0.1:${port}`;
  return {
    ServiceSettings: {
      SiteURL: siteUrl,
      ListenAddress: `127.0.0.1:${port}`,
      // Local mode: an unauthenticated admin API on a unix socket (mmctl --local style).
      EnableLocalMode: true,
      LocalModeSocketLocation: join(dir, 'mm.sock'),
      EnableDeveloper: true,
      EnableTesting: false,
      EnableUserAccessTokens: true,
      EnableBotAccountCreation: true,
      EnableOAuthServiceProvider: false,
      EnableSecurityFixAlert: false,
      EnableOnboardingFlow: false,
      EnableInsecureOutgoingConnections: true,
      // Post actions and dialogs whose URLs point back at this server.
      AllowedUntrustedInternalConnections: '127.0.0.1 localhost',
      EnablePostUsernameOverride: true,
      EnablePostIconOverride: true,
      EnableCommands: true,
      EnableLinkPreviews: false,
      SessionLengthWebInHours: 720,
    },
    SqlSettings: { DriverName: 'postgres', DataSource: dataSource, MaxOpenConns: 50 },
    FileSettings: {
      DriverName: 'local',
      Directory: join(dir, 'data') + '/',
      EnableFileAttachments: true,
      // Plugin bundles with a Node runtime inside are large.
      MaxFileSize: 256 * MIB,
    },
    PluginSettings: {
      Enable: true,
      EnableUploads: true,
      RequirePluginSignature: false,
      EnableHealthCheck: true,
      Directory: join(dir, 'plugins'),
      ClientDirectory: join(dir, 'client', 'plugins'),
      EnableMarketplace: false,
      EnableRemoteMarketplace: false,
      AutomaticPrepackagedPlugins: false,
      PluginStates: {},
    },
    LogSettings: {
      EnableConsole: true,
      ConsoleLevel: 'ERROR',
      ConsoleJson: false,
      EnableFile: true,
      FileLevel: 'DEBUG',
      FileJson: true,
      FileLocation: join(dir, 'logs'),
      EnableDiagnostics: false,
      EnableSentry: false,
    },
    NotificationLogSettings: { EnableFile: false, EnableConsole: false },
    TeamSettings: { EnableOpenServer: true, MaxUsersPerTeam: 1000, EnableUserCreation: true },
    EmailSettings: { SendEmailNotifications: false, RequireEmailVerification: false, EnableSignUpWithEmail: true, EnableSignInWithEmail: true, EnableSignInWithUsername: true },
    PasswordSettings: { MinimumLength: 8, Lowercase: false, Number: false, Uppercase: false, Symbol: false },
    RateLimitSettings: { Enable: false },
    AnnouncementSettings: { AdminNoticesEnabled: false, UserNoticesEnabled: false },
    ImageProxySettings: { Enable: false },
    MetricsSettings: { Enable: false },
    BleveSettings: { EnableIndexing: false },
  };
}
