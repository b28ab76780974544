// What Mattermost's System Console passes to a plugin's custom setting
// (components/admin_console/schema_admin_settings.tsx, buildCustomSetting). `config` is the
// saved server config, not the values being edited: each setting only sees its own `value`.
import type { ComponentType, ReactNode } from 'react';

export interface CustomSettingProps {
  /** e.g. PluginSettings.Plugins.openclaw.gatewayurl; onChange takes it back. */
  id: string;
  label: ReactNode;
  helpText: ReactNode;
  value: unknown;
  disabled: boolean;
  config: unknown;
  setByEnv: boolean;
  onChange: (id: string, value: unknown) => void;
  setSaveNeeded: () => void;
}

/** Registry methods the console part uses (webapp/channels/src/plugins/registry.ts). */
export interface AdminRegistry {
  registerAdminConsoleCustomSetting(key: string, component: ComponentType<CustomSettingProps>, options?: { showTitle?: boolean }): void;
}
