// The values behind /oc_model, /oc_models and /oc_think autocomplete, as Mattermost's
// AutocompleteListItem rows. Mattermost asks on every keystroke and waits for the answer,
// so answers come from a short cache, and a slow or absent gateway yields an empty list
// within a bound rather than a stalled autocomplete.
import type { GatewayLink, GatewayModel, ThinkingLevel } from '../../gateway';
import type { AutocompleteList } from './catalog';

export interface ListItem { Item: string; Hint: string; HelpText: string }

export interface ListsDeps {
  link(): GatewayLink | undefined;
  agentId(): string;
  cacheMs?: number;
  waitMs?: number;
  now?: () => number;
}

const CACHE_MS = 30_000;
const WAIT_MS = 2_500;
const MAX_ITEMS = 200;

export class AutocompleteLists {
  private readonly cache = new Map<string, { at: number; items: Promise<ListItem[]> }>();

  constructor(private readonly deps: ListsDeps) {}

  /** `sessionKey` matters only for `thinking` (the levels of that session's model). */
  async items(list: AutocompleteList, sessionKey: string): Promise<ListItem[]> {
    const link = this.deps.link();
    if (!link || link.state.status !== 'connected') return [];
    const agentId = this.deps.agentId();
    const key = list === 'thinking' ? `thinking ${sessionKey}` : `models ${agentId}`;
    const now = (this.deps.now ?? Date.now)();
    let entry = this.cache.get(key);
    if (!entry || now - entry.at > (this.deps.cacheMs ?? CACHE_MS)) {
      const items = list === 'thinking'
        ? link.thinkingLevels(sessionKey, agentId).then(levelItems)
        : link.modelsList(agentId).then(modelItems);
      entry = { at: now, items };
      this.cache.set(key, entry);
      this.prune(now);
      // A failed read is not kept: the next keystroke asks again.
      items.catch(() => { if (this.cache.get(key) === entry) this.cache.delete(key); });
    }
    const rows = await withDeadline(entry.items, this.deps.waitMs ?? WAIT_MS);
    return list === 'providers' ? providerItems(rows) : rows;
  }

  private prune(now: number): void {
    const maxAge = this.deps.cacheMs ?? CACHE_MS;
    for (const [k, v] of this.cache) if (now - v.at > maxAge) this.cache.delete(k);
  }
}

function withDeadline(items: Promise<ListItem[]>, ms: number): Promise<ListItem[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ListItem[]>((resolve) => { timer = setTimeout(() => resolve([]), ms); });
  return Promise.race([items.catch(() => []), late]).finally(() => clearTimeout(timer));
}

function modelItems(models: GatewayModel[]): ListItem[] {
  return models.slice(0, MAX_ITEMS).map((m) => ({
    Item: `${m.provider}/${m.id}`,
    Hint: m.alias ? `alias ${m.alias}` : '',
    HelpText: `${m.name}${m.isDefault ? ' (default)' : ''}`,
  }));
}

/** Model rows grouped by provider (the argument of /models). */
function providerItems(modelRows: ListItem[]): ListItem[] {
  const byProvider = new Map<string, string[]>();
  for (const row of modelRows) {
    const [provider = '', ...rest] = row.Item.split('/');
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), rest.join('/')]);
  }
  return [...byProvider].map(([provider, ids]) => ({
    Item: provider, Hint: '', HelpText: `${ids.length} model${ids.length === 1 ? '' : 's'}: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`,
  }));
}

function levelItems(levels: ThinkingLevel[]): ListItem[] {
  return levels.slice(0, MAX_ITEMS).map((l) => ({ Item: l.id, Hint: '', HelpText: l.label === l.id ? `Thinking level ${l.id}` : l.label }));
}
