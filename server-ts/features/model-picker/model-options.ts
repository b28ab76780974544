// The models the picker offers, read from the same 30 s cache that answers /oc_model
// autocomplete (AutocompleteLists over models.list), so opening a picker never costs the
// gateway more than typing does. A value is always "provider/id", the argument /model takes.
import type { AutocompleteLists } from '../commands/autocomplete-lists';

export interface ModelOption {
  /** "provider/id" */
  value: string;
  provider: string;
  id: string;
  /** The gateway's display name, "(default)" marked. */
  label: string;
}

export type ModelSource = Pick<AutocompleteLists, 'items'>;

export async function modelOptions(lists: ModelSource): Promise<ModelOption[]> {
  const rows = await lists.items('models', '');
  return rows.flatMap((row) => {
    const slash = row.Item.indexOf('/');
    if (slash <= 0 || slash === row.Item.length - 1) return [];
    return [{ value: row.Item, provider: row.Item.slice(0, slash), id: row.Item.slice(slash + 1), label: row.HelpText }];
  });
}

export function providersOf(options: readonly ModelOption[]): string[] {
  return [...new Set(options.map((o) => o.provider))];
}

/** The page `page` (0-based, clamped) of `size` options, and how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(at * size, at * size + size), page: at, pages };
}
