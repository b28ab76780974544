// Reducer of state.plugins: loaded plugin manifests and everything plugins registered.
import type { BedAction } from './actions';
import type { AdminConsoleSetting, PluginsState } from './state';

export const emptyPlugins = (): PluginsState => ({
  plugins: {},
  postTypes: {},
  components: {},
  adminConsoleCustomSettings: {},
  adminConsoleCustomSections: {},
  adminConsoleReducers: {},
});

const without = <T>(record: Record<string, T>, keep: (v: T, k: string) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k, v]) => keep(v, k)));

const withSetting = (all: PluginsState['adminConsoleCustomSettings'], data: AdminConsoleSetting): PluginsState['adminConsoleCustomSettings'] => ({
  ...all,
  [data.pluginId]: { ...all[data.pluginId], [data.key]: data },
});

export function plugins(state: PluginsState = emptyPlugins(), action: BedAction): PluginsState {
  switch (action.type) {
    case 'RECEIVED_WEBAPP_PLUGINS':
      return { ...state, plugins: Object.fromEntries(action.data.map((m) => [m.id, m])) };
    case 'REMOVED_WEBAPP_PLUGIN': {
      const id = action.data.id;
      const mine = <T extends { pluginId: string }>(v: T): boolean => v.pluginId !== id;
      return {
        plugins: without(state.plugins, (_v, k) => k !== id),
        postTypes: without(state.postTypes, mine),
        components: Object.fromEntries(Object.entries(state.components).map(([name, list]) => [name, list.filter(mine)])),
        adminConsoleCustomSettings: without(state.adminConsoleCustomSettings, (_v, k) => k !== id),
        adminConsoleCustomSections: without(state.adminConsoleCustomSections, (_v, k) => k !== id),
        adminConsoleReducers: without(state.adminConsoleReducers, (_v, k) => k !== id),
      };
    }
    case 'RECEIVED_PLUGIN_POST_COMPONENT':
      // One component per post type: a later registration wins, as in Mattermost.
      return { ...state, postTypes: { ...state.postTypes, [action.data.type]: action.data } };
    case 'REMOVED_PLUGIN_POST_COMPONENT':
      return { ...state, postTypes: without(state.postTypes, (v) => v.id !== action.id) };
    case 'RECEIVED_PLUGIN_COMPONENT':
      return { ...state, components: { ...state.components, [action.name]: [...(state.components[action.name] ?? []), action.data] } };
    case 'REMOVED_PLUGIN_COMPONENT':
      return {
        ...state,
        components: Object.fromEntries(Object.entries(state.components).map(([name, list]) => [name, list.filter((c) => c.id !== action.id)])),
      };
    case 'RECEIVED_ADMIN_CONSOLE_CUSTOM_COMPONENT':
      return { ...state, adminConsoleCustomSettings: withSetting(state.adminConsoleCustomSettings, action.data) };
    case 'RECEIVED_ADMIN_CONSOLE_CUSTOM_SECTION':
      return { ...state, adminConsoleCustomSections: withSetting(state.adminConsoleCustomSections, action.data) };
    case 'RECEIVED_ADMIN_CONSOLE_REDUCER':
      return { ...state, adminConsoleReducers: { ...state.adminConsoleReducers, [action.pluginId]: action.reducer } };
    case 'REMOVED_ADMIN_CONSOLE_REDUCER':
      return { ...state, adminConsoleReducers: without(state.adminConsoleReducers, (_v, k) => k !== action.pluginId) };
    default:
      return state;
  }
}
