// Bundle entry: the Mattermost webapp loads main.js and expects it to call
// window.registerPlugin(id, instance) once.
import { PLUGIN_ID } from './manifest';
import { Plugin } from './plugin';

declare global {
  interface Window {
    registerPlugin(id: string, plugin: Plugin): void;
  }
}

window.registerPlugin(PLUGIN_ID, new Plugin());
