// The PluginRegistry a plugin's initialize() receives: the documented methods of Mattermost's
// webapp/channels/src/plugins/registry.ts that our plugin uses or will use (post types, WebSocket
// and reconnect handlers, root components, reducers, System Console settings and sections,
// desktop notification and slash command hooks). Every call is recorded; a method the bed does not
// implement fails loudly (thrown and recorded), so a test notices before a real client would.
import type { ComponentType } from 'react';
import type { Reducer } from 'redux';
import { record, recordChanged, recordError, summarise } from '../record';
import { addPluginReducer, store } from '../store/store';
import { reArg } from './re-arg';
import { removeReconnectHandler, removeWsHandler, setReconnectHandler, setWsHandler, type WsMessage } from './handlers';

type AnyComponent = ComponentType<Record<string, unknown>>;

let nextId = 0;
const newId = (): string => `bed-${++nextId}`;

function asComponent(pluginId: string, method: string, c: unknown): AnyComponent {
  // Function and class components are functions; memo/forwardRef wrappers are objects.
  if (typeof c === 'function' || (typeof c === 'object' && c !== null && '$$typeof' in c)) return c as AnyComponent;
  throw new Error(`${pluginId}: ${method} needs a React component, got ${summarise(c)}`);
}

function asFunction<F>(pluginId: string, method: string, f: unknown): F {
  if (typeof f !== 'function') throw new Error(`${pluginId}: ${method} needs a function, got ${summarise(f)}`);
  return f as F;
}

function methods(pluginId: string) {
  const component = (name: string, method: string) =>
    reArg(['component'], ({ component: c }) => {
      const id = newId();
      store.dispatch({ type: 'RECEIVED_PLUGIN_COMPONENT', name, data: { id, pluginId, component: asComponent(pluginId, method, c) } });
      return id;
    });
  const hook = (name: string, method: string) =>
    reArg(['hook'], ({ hook: h }) => {
      const id = newId();
      store.dispatch({ type: 'RECEIVED_PLUGIN_COMPONENT', name, data: { id, pluginId, hook: asFunction(pluginId, method, h) } });
      return id;
    });

  return {
    id: pluginId,
    supports: { globalAppBar: false, globalRhs: false },

    registerPostTypeComponent: reArg(['type', 'component'], ({ type, component: c }) => {
      if (typeof type !== 'string' || !type.startsWith('custom_')) {
        recordError(`${pluginId}: registerPostTypeComponent type must start with custom_, got ${summarise(type)}`);
      }
      const id = newId();
      store.dispatch({
        type: 'RECEIVED_PLUGIN_POST_COMPONENT',
        data: { id, pluginId, type: String(type), component: asComponent(pluginId, 'registerPostTypeComponent', c) },
      });
      return id;
    }),
    unregisterPostTypeComponent: reArg(['componentId'], ({ componentId }) => {
      store.dispatch({ type: 'REMOVED_PLUGIN_POST_COMPONENT', id: String(componentId) });
    }),

    registerRootComponent: component('Root', 'registerRootComponent'),
    unregisterComponent: reArg(['componentId'], ({ componentId }) => {
      store.dispatch({ type: 'REMOVED_PLUGIN_COMPONENT', id: String(componentId) });
    }),

    registerWebSocketEventHandler: reArg(['event', 'handler'], ({ event, handler }) => {
      setWsHandler(pluginId, String(event), asFunction<(m: WsMessage) => unknown>(pluginId, 'registerWebSocketEventHandler', handler));
    }),
    unregisterWebSocketEventHandler: reArg(['event'], ({ event }) => removeWsHandler(pluginId, String(event))),
    registerReconnectHandler: reArg(['handler'], ({ handler }) => {
      setReconnectHandler(pluginId, asFunction<() => unknown>(pluginId, 'registerReconnectHandler', handler));
    }),
    unregisterReconnectHandler: () => removeReconnectHandler(pluginId),

    registerReducer: reArg(['reducer'], ({ reducer }) => addPluginReducer(pluginId, asFunction<Reducer>(pluginId, 'registerReducer', reducer))),

    registerAdminConsolePlugin: reArg(['func'], ({ func }) => {
      store.dispatch({ type: 'RECEIVED_ADMIN_CONSOLE_REDUCER', pluginId, reducer: asFunction(pluginId, 'registerAdminConsolePlugin', func) });
    }),
    unregisterAdminConsolePlugin: () => store.dispatch({ type: 'REMOVED_ADMIN_CONSOLE_REDUCER', pluginId }),
    registerAdminConsoleCustomSetting: reArg(['key', 'component', 'options'], ({ key, component: c, options }) => {
      const showTitle = typeof options === 'object' && options !== null && 'showTitle' in options ? Boolean(options.showTitle) : false;
      store.dispatch({
        type: 'RECEIVED_ADMIN_CONSOLE_CUSTOM_COMPONENT',
        // Mattermost matches custom settings and sections by lower-cased key.
        data: { pluginId, key: String(key).toLowerCase(), component: asComponent(pluginId, 'registerAdminConsoleCustomSetting', c), options: { showTitle } },
      });
    }),
    registerAdminConsoleCustomSection: reArg(['key', 'component'], ({ key, component: c }) => {
      store.dispatch({
        type: 'RECEIVED_ADMIN_CONSOLE_CUSTOM_SECTION',
        data: { pluginId, key: String(key).toLowerCase(), component: asComponent(pluginId, 'registerAdminConsoleCustomSection', c), options: { showTitle: false } },
      });
    }),

    registerDesktopNotificationHook: hook('DesktopNotificationHooks', 'registerDesktopNotificationHook'),
    registerSlashCommandWillBePostedHook: hook('SlashCommandWillBePosted', 'registerSlashCommandWillBePostedHook'),
  };
}

/** A registry for one plugin: records each call; unknown register… and unregister… methods throw. */
export function createRegistry(pluginId: string): object {
  const known: Record<string, unknown> = methods(pluginId);
  return new Proxy(known, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      const value = target[prop];
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          record.registryCalls.push({ pluginId, method: prop, args: args.map(summarise) });
          recordChanged();
          try {
            return (value as (...a: unknown[]) => unknown)(...args);
          } catch (err) {
            recordError(`${pluginId}: registry.${prop} failed: ${err instanceof Error ? err.message : String(err)}`);
            throw err;
          }
        };
      }
      if (value !== undefined || !/^(un)?register/.test(prop)) return value;
      return () => {
        const message = `${pluginId}: registry.${prop} is not implemented by the browser test bed (test/browser-bed/app/registry/registry.ts)`;
        recordError(message);
        throw new Error(message);
      };
    },
  });
}
