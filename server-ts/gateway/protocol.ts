// The protocol package's schemas, loaded on demand. Its root and `schema` entries build the
// whole TypeBox schema graph (about 1 MB) when they are evaluated, which measured ~100-350 ms
// of a plugin process start; the TypeBox-free client needs none of it, nor TypeBox itself. So the supervisor
// loads them while it boots a connection (before any event or request can exist) and
// everything here reads them through protocol().
export interface Protocol {
  root: typeof import('@openclaw/gateway-protocol');
  schema: typeof import('@openclaw/gateway-protocol/schema');
  /** TypeBox's checker and value tools, for the package's schemas (same version it uses). */
  compile: typeof import('typebox/compile');
  value: typeof import('typebox/value');
}

let loaded: Protocol | undefined;
let loading: Promise<Protocol> | undefined;

export function loadProtocol(): Promise<Protocol> {
  loading ??= Promise.all([import('@openclaw/gateway-protocol'), import('@openclaw/gateway-protocol/schema'), import('typebox/compile'),
    import('typebox/value')]).then(([root, schema, compile, value]) => (loaded = { root, schema, compile, value }));
  return loading;
}

/** The loaded schemas; only called once a connection exists, which implies loadProtocol() finished. */
export function protocol(): Protocol {
  if (!loaded) throw new Error('gateway protocol schemas are not loaded yet (loadProtocol() runs before connecting)');
  return loaded;
}
