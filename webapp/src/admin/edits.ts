// The connection settings as they are being edited on the console page, before Save. A custom
// setting only receives its own value, so each connection field (connection-field.tsx) reports
// here and "Test connection" reads the set (and forgets an answer once the values change).
// Keys are the manifest's setting keys.
export const CONNECTION_KEYS = ['GatewayURL', 'GatewayToken', 'GatewayPassword', 'AgentId', 'GatewayCACertificate', 'GatewayCertificatePin'] as const;
export type ConnectionKey = (typeof CONNECTION_KEYS)[number];

const values = new Map<ConnectionKey, string>();
const listeners = new Set<() => void>();
let snapshot = '{}';

function changed(): void {
  snapshot = JSON.stringify(Object.fromEntries([...values].sort(([a], [b]) => a.localeCompare(b))));
  for (const l of listeners) l();
}

export function setEdited(key: ConnectionKey, value: string): void {
  if (values.get(key) === value) return;
  values.set(key, value);
  changed();
}

export function editedValues(): Partial<Record<ConnectionKey, string>> {
  return Object.fromEntries(values);
}

/** The edited values as one comparable string (for useSyncExternalStore). */
export const editedSnapshot = (): string => snapshot;

export function subscribeEdits(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A console page that unmounts drops what it showed: the next page starts from the saved values. */
export function forgetEdited(key: ConnectionKey): void {
  if (values.delete(key)) changed();
}
