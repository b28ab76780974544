// One plugin setting on the settings page: the plugin's registered custom component (with the
// props Mattermost's System Console passes, components/admin_console/schema_admin_settings.tsx),
// or a plain control for the manifest's built-in types.
import type { PluginSetting } from '@mattermost/types/plugins';
import type { ReactNode } from 'react';
import { PluginBoundary } from '../PluginBoundary';
import type { AdminConsoleSetting } from '../../store/state';
import { settingId } from './console-data';

export interface ConsoleCallbacks {
  onChange(id: string, value: unknown): void;
  registerSaveAction(action: () => Promise<unknown>): void;
  unRegisterSaveAction(action: () => Promise<unknown>): void;
  setSaveNeeded(): void;
  cancelSubmit(): void;
}

interface Props {
  pluginId: string;
  setting: PluginSetting;
  value: unknown;
  custom?: AdminConsoleSetting;
  config: unknown;
  callbacks: ConsoleCallbacks;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
const helpOf = (s: PluginSetting): string => (typeof s.help_text === 'string' ? s.help_text : s.help_text?.defaultMessage ?? '');

function Control({ pluginId, setting, value, callbacks }: Props): ReactNode {
  const id = settingId(pluginId, setting.key);
  const change = (v: unknown): void => callbacks.onChange(id, v);
  switch (setting.type) {
    case 'bool':
      return (
        <span>
          <label><input type="radio" name={id} checked={value === true} onChange={() => change(true)} /> true</label>{' '}
          <label><input type="radio" name={id} checked={value !== true} onChange={() => change(false)} /> false</label>
        </span>
      );
    case 'longtext':
      return <textarea id={id} rows={4} value={text(value)} placeholder={setting.placeholder} onChange={(e) => change(e.target.value)} />;
    case 'dropdown':
    case 'radio':
      return (
        <select id={id} value={text(value)} onChange={(e) => change(e.target.value)}>
          {(setting.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>{o.display_name}</option>
          ))}
        </select>
      );
    case 'number':
      return <input id={id} type="number" value={text(value)} onChange={(e) => change(Number(e.target.value))} />;
    case 'custom':
      // As in Mattermost: a custom setting whose component is not registered (plugin disabled).
      return <div className="bed-banner">In order to view this setting, enable the plugin and click Save.</div>;
    default:
      return <input id={id} value={text(value)} placeholder={setting.placeholder} onChange={(e) => change(e.target.value)} />;
  }
}

export function SettingRow(props: Props): ReactNode {
  const { pluginId, setting, value, custom, config, callbacks } = props;
  if (custom) {
    const Custom = custom.component;
    const component = (
      <PluginBoundary pluginId={pluginId}>
        <Custom
          id={settingId(pluginId, setting.key)}
          label={setting.display_name}
          helpText={helpOf(setting)}
          value={value}
          disabled={false}
          config={config}
          license={{}}
          setByEnv={false}
          showConfirm={false}
          {...callbacks}
        />
      </PluginBoundary>
    );
    if (!custom.options.showTitle) return <div className="bed-setting bed-setting--custom" data-setting={setting.key}>{component}</div>;
    return (
      <div className="bed-setting" data-setting={setting.key}>
        <label>{setting.display_name}</label>
        <div>
          {component}
          {/* Mattermost's Setting wrapper shows the help text under a titled custom setting. */}
          <div className="bed-setting__help">{helpOf(setting)}</div>
        </div>
      </div>
    );
  }
  return (
    <div className="bed-setting" data-setting={setting.key}>
      <label htmlFor={settingId(pluginId, setting.key)}>{setting.display_name}</label>
      <div>
        <Control {...props} />
        <div className="bed-setting__help">{helpOf(setting)}</div>
      </div>
    </div>
  );
}
