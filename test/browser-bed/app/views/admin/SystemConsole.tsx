// A plugin's settings page, the part of Mattermost's System Console plugins extend
// (components/admin_console/custom_plugin_settings): the manifest's header, its settings or
// sections with the plugin's registered custom settings and sections in place, the footer, Save.
// Save runs the save actions custom settings registered (an {error} stops it), then writes the
// values. Reached at #/admin/plugins/<plugin id>, for system admins.
import type { PluginSetting } from '@mattermost/types/plugins';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBedSelector } from '../hooks';
import { PluginBoundary } from '../PluginBoundary';
import { keyOfId, loadConsole, saveConsole, type ConsoleData, type Values } from './console-data';
import { SettingRow, type ConsoleCallbacks } from './SettingRow';

type SaveAction = () => Promise<unknown>;

const errorOf = (result: unknown): string | undefined => {
  const error = (result as { error?: { message?: string } } | undefined)?.error;
  return error ? (error.message ?? 'save action failed') : undefined;
};

export function SystemConsole({ pluginId }: { pluginId: string }): ReactNode {
  const [data, setData] = useState<ConsoleData>();
  const [values, setValues] = useState<Values>({});
  const [status, setStatus] = useState('');
  const [saveNeeded, setSaveNeeded] = useState(false);
  const saveActions = useRef(new Set<SaveAction>());
  const customSettings = useBedSelector((s) => s.plugins.adminConsoleCustomSettings[pluginId]);
  const customSections = useBedSelector((s) => s.plugins.adminConsoleCustomSections[pluginId]);

  useEffect(() => {
    loadConsole(pluginId).then(
      (d) => {
        setData(d);
        setValues(d.values);
      },
      (err: unknown) => setStatus(err instanceof Error ? err.message : String(err)),
    );
  }, [pluginId]);

  const callbacks = useMemo<ConsoleCallbacks>(
    () => ({
      onChange: (id, value) => {
        setValues((v) => ({ ...v, [keyOfId(id)]: value }));
        setSaveNeeded(true);
      },
      registerSaveAction: (a) => void saveActions.current.add(a),
      unRegisterSaveAction: (a) => void saveActions.current.delete(a),
      setSaveNeeded: () => setSaveNeeded(true),
      cancelSubmit: () => setStatus(''),
    }),
    [],
  );

  const save = async (): Promise<void> => {
    setStatus('Saving…');
    for (const action of saveActions.current) {
      const error = errorOf(await action());
      if (error) {
        setStatus(error);
        return;
      }
    }
    await saveConsole(pluginId, values);
    setSaveNeeded(false);
    setStatus('Saved.');
  };

  if (!data) return <main className="bed-console bed-empty">{status || 'Loading…'}</main>;
  const schema = data.manifest.settings_schema;
  const row = (s: PluginSetting): ReactNode => (
    <SettingRow key={s.key} pluginId={pluginId} setting={s} value={values[s.key.toLowerCase()]} custom={customSettings?.[s.key.toLowerCase()]} config={data.config} callbacks={callbacks} />
  );
  return (
    <main className="bed-console" data-plugin-id={pluginId}>
      <h2>{data.manifest.name}</h2>
      {!data.active && <div className="bed-banner">This plugin is disabled.</div>}
      {schema?.header && <p className="bed-console__text">{schema.header}</p>}
      {schema?.sections
        ? schema.sections.map((section) => {
            const Custom = section.custom ? customSections?.[section.key.toLowerCase()]?.component : undefined;
            const rows = section.settings.map(row);
            return (
              <section key={section.key} className="bed-console__section" data-section={section.key}>
                {section.title && <h3>{section.title}</h3>}
                {Custom ? (
                  <PluginBoundary pluginId={pluginId}>
                    <Custom settingsList={rows} sectionTitle={section.title} sectionDescription={section.subtitle} />
                  </PluginBoundary>
                ) : section.custom ? (
                  <div className="bed-banner">In order to view this section, enable the plugin and click Save.</div>
                ) : (
                  rows
                )}
              </section>
            );
          })
        : schema?.settings.map(row)}
      {schema?.footer && <p className="bed-console__text">{schema.footer}</p>}
      <div className="bed-console__save">
        <button id="bed-console-save" type="button" disabled={!saveNeeded} onClick={() => void save().catch((err: unknown) => setStatus(String(err)))}>
          Save
        </button>
        <span>{status}</span>
      </div>
    </main>
  );
}
