// The plugin's identity, read from plugin.json at build time (esbuild inlines the JSON).
import manifest from '../plugin.json';

export const PLUGIN_ID: string = manifest.id;
export const PLUGIN_VERSION: string = manifest.version;
