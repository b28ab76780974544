// Loads plugin web bundles as Mattermost's webapp does (webapp/channels/src/plugins/index.ts):
// GET /api/v4/plugins/webapp lists the enabled plugins; each bundle_path (the server's
// /static/plugins/<id>/<id>_<hash>_bundle.js) becomes a <script> tag; the bundle calls
// window.registerPlugin(id, plugin); when the script has loaded, plugin.initialize(registry, store)
// runs with a registry made for that plugin. Mattermost neither awaits initialize nor catches it;
// the bed awaits it only to record the outcome.
import type { ClientPluginManifest } from '@mattermost/types/plugins';
import { client } from '../client';
import { hostWindow } from '../host-window';
import { record, recordChanged, recordError } from '../record';
import { createRegistry } from '../registry/registry';
import { forgetPlugin } from '../registry/handlers';
import { store } from '../store/store';

// Set before any bundle loads; a second registration of an id uninitializes the first.
hostWindow.plugins = {};
hostWindow.registerPlugin = (id, plugin) => {
  hostWindow.plugins[id]?.uninitialize?.();
  hostWindow.plugins[id] = plugin;
};

const loaded = new Map<string, ClientPluginManifest>();

async function initialize(manifest: ClientPluginManifest): Promise<void> {
  const plugin = hostWindow.plugins[manifest.id];
  record.initialized[manifest.id] = 'pending';
  recordChanged();
  try {
    await plugin?.initialize?.(createRegistry(manifest.id), store);
    record.initialized[manifest.id] = plugin?.initialize ? 'done' : 'no initialize()';
  } catch (err) {
    record.initialized[manifest.id] = `failed: ${err instanceof Error ? err.message : String(err)}`;
    recordError(`${manifest.id}: initialize failed: ${String(err)}`);
  }
  recordChanged();
}

/**
 * The server reports bundle paths as /static/<id>/<id>_<hash>_bundle.js and serves them under
 * /static/plugins/; Mattermost's loader rewrites the one into the other, and so do we.
 */
const bundleUrlPath = (path: string): string =>
  path.includes('/static/') && !path.includes('/static/plugins/') ? path.replace('/static/', '/static/plugins/') : path;

function loadScript(manifest: ClientPluginManifest): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.id = `plugin_${manifest.id}`;
    script.src = window.location.origin + bundleUrlPath(manifest.webapp.bundle_path);
    script.defer = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`unable to load the bundle of plugin ${manifest.id} from ${script.src}`));
    record.scripts.push({ pluginId: manifest.id, src: script.src });
    document.head.appendChild(script);
  });
}

export function removePlugin(id: string): void {
  loaded.delete(id);
  hostWindow.plugins[id]?.uninitialize?.();
  delete hostWindow.plugins[id];
  forgetPlugin(id);
  store.dispatch({ type: 'REMOVED_WEBAPP_PLUGIN', data: { id } });
  document.getElementById(`plugin_${id}`)?.remove();
}

/** Loads newly enabled plugins (or new versions) and removes disabled ones. */
export async function syncPlugins(): Promise<void> {
  const manifests = (await client.getWebappPlugins()).filter((m) => m.webapp?.bundle_path);
  const ids = new Set(manifests.map((m) => m.id));
  for (const id of [...loaded.keys()]) if (!ids.has(id)) removePlugin(id);
  const fresh = manifests.filter((m) => loaded.get(m.id)?.webapp.bundle_path !== m.webapp.bundle_path);
  for (const m of fresh) if (loaded.has(m.id)) removePlugin(m.id);
  store.dispatch({ type: 'RECEIVED_WEBAPP_PLUGINS', data: manifests });
  await Promise.all(
    fresh.map(async (m) => {
      loaded.set(m.id, m);
      try {
        await loadScript(m);
        await initialize(m);
      } catch (err) {
        recordError(err instanceof Error ? err.message : String(err));
      }
    }),
  );
}
