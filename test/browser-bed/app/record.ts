// What the bed saw, on window.__openclawBed, for tests (page.evaluate) and for the status strip:
// every registry call, each plugin's initialize outcome, the scripts loaded, the WebSocket events
// delivered to plugin handlers, and every error (an unknown registry method, a throwing plugin).
export interface RegistryCall {
  pluginId: string;
  method: string;
  /** Arguments summarised: strings as they are, functions by name, objects by their keys. */
  args: string[];
}

export interface BedRecord {
  registryCalls: RegistryCall[];
  /** pluginId → 'pending' | 'done' | the error initialize threw or rejected with. */
  initialized: Record<string, string>;
  scripts: { pluginId: string; src: string }[];
  /** Plugin WebSocket handler deliveries (event names), in order. */
  delivered: { pluginId: string; event: string }[];
  /** WebSocket events the bed received (names only), in order. */
  wsEvents: string[];
  reconnects: number;
  /** Desktop notifications the page would show: by the host after plugin hooks, or sent by a plugin. */
  notifications: { title: string; body: string; channelId: string; from: 'host' | 'plugin' }[];
  errors: string[];
}

declare global {
  interface Window {
    __openclawBed: BedRecord;
  }
}

export const record: BedRecord = {
  registryCalls: [],
  initialized: {},
  scripts: [],
  delivered: [],
  wsEvents: [],
  reconnects: 0,
  notifications: [],
  errors: [],
};
// Outside a page (unit tests of the registry) there is no window to publish on.
if (typeof window !== 'undefined') window.__openclawBed = record;

const listeners = new Set<() => void>();
/** The status strip re-renders on changes. */
export function onRecordChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
export function recordChanged(): void {
  for (const fn of listeners) fn();
}

export function recordError(message: string): void {
  record.errors.push(message);
  console.error(`[browser bed] ${message}`);
  recordChanged();
}

export function summarise(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'function') return `[function ${arg.name || 'anonymous'}]`;
  if (arg && typeof arg === 'object') return `{${Object.keys(arg).join(', ')}}`;
  return String(arg);
}
