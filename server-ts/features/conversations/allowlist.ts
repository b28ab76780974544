// Allowlists (DM and channel): Mattermost usernames, user ids, teams and groups, typed in
// the System Console as text and kept as stable ids. Names are resolved once, when the
// text changes, and the result is stored in the KV store: a person renamed later stays
// allowed, and every node uses the same ids. A name that resolves to nothing is reported
// in the plugin status instead of being dropped silently.
import { z } from 'zod';
import { JsonRecord, type KvPort } from './kv';

export type EntryKind = 'user' | 'team' | 'group';
export interface Entry { kind: EntryKind; ref: string; raw: string }

const ID = /^[a-z0-9]{26}$/;
const NAME = /^[a-z0-9._-]{1,64}$/;

export interface ParsedAllowlist { any: boolean; entries: Entry[]; problems: string[] }

/** `@alice, bob, 8x…(user id), team:eng, group:oncall, *` (commas, spaces or lines). */
export function parseAllowlist(text: string, label: string): ParsedAllowlist {
  const out: ParsedAllowlist = { any: false, entries: [], problems: [] };
  for (const raw of text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean)) {
    if (raw === '*') {
      out.any = true;
      continue;
    }
    const m = /^(user|team|group):(.*)$/i.exec(raw);
    const kind = (m ? m[1].toLowerCase() : 'user') as EntryKind;
    const ref = (m ? m[2] : raw).replace(/^[@~]/, '').toLowerCase();
    if (!NAME.test(ref)) {
      out.problems.push(`${label}: "${raw.slice(0, 40)}" is not a username, user id, team:<name> or group:<name>`);
      continue;
    }
    out.entries.push({ kind, ref, raw });
  }
  return out;
}

export interface Named { Id?: string }

/** Lookups the resolver needs; each throws (404) for an unknown name or id. */
export interface DirectoryPort {
  getUser(id: string): Promise<Named>;
  getUserByUsername(name: string): Promise<Named>;
  getTeam(id: string): Promise<Named>;
  getTeamByName(name: string): Promise<Named>;
  getGroup(id: string): Promise<Named>;
  getGroupByName(name: string): Promise<Named>;
}

const ResolvedSchema = z.object({
  source: z.string(),
  any: z.boolean(),
  users: z.array(z.string()),
  teams: z.array(z.string()),
  groups: z.array(z.string()),
  /** Entries that resolved, raw text → id, so unchanged entries are never looked up again. */
  known: z.record(z.string(), z.string()),
  problems: z.array(z.string()),
});
export type ResolvedAllowlist = z.infer<typeof ResolvedSchema>;

export const EMPTY_ALLOWLIST: ResolvedAllowlist = { source: '', any: false, users: [], teams: [], groups: [], known: {}, problems: [] };

function isNotFound(err: unknown): boolean {
  const e = (err ?? {}) as { statusCode?: unknown; StatusCode?: unknown; message?: unknown };
  return e.statusCode === 404 || e.StatusCode === 404 || (typeof e.message === 'string' && /not found|unable to find|no rows/i.test(e.message));
}

async function lookup(dir: DirectoryPort, e: Entry): Promise<string | undefined> {
  const byId = (x: string) => (e.kind === 'user' ? dir.getUser(x) : e.kind === 'team' ? dir.getTeam(x) : dir.getGroup(x));
  const byName = (x: string) => (e.kind === 'user' ? dir.getUserByUsername(x) : e.kind === 'team' ? dir.getTeamByName(x) : dir.getGroupByName(x));
  if (ID.test(e.ref)) {
    try {
      const found = await byId(e.ref);
      if (found.Id) return found.Id;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  try {
    return (await byName(e.ref)).Id || undefined;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export async function resolveAllowlist(dir: DirectoryPort, text: string, label: string, previous?: ResolvedAllowlist): Promise<ResolvedAllowlist> {
  const parsed = parseAllowlist(text, label);
  const out: ResolvedAllowlist = { source: text, any: parsed.any, users: [], teams: [], groups: [], known: {}, problems: [...parsed.problems] };
  for (const e of parsed.entries) {
    const key = `${e.kind}:${e.ref}`;
    let id = previous?.known[key];
    if (!id) {
      try {
        id = await lookup(dir, e);
      } catch (err) {
        out.problems.push(`${label}: could not look up ${e.raw} (${(err as Error).message ?? 'error'}); it is ignored until the settings are saved again`);
        continue;
      }
    }
    if (!id) {
      const what = e.kind === 'user' ? 'user' : e.kind;
      out.problems.push(`${label}: no ${what} named "${e.ref}" (${e.raw}); it is ignored`);
      continue;
    }
    out.known[key] = id;
    ({ user: out.users, team: out.teams, group: out.groups })[e.kind].push(id);
  }
  return out;
}

/**
 * Resolves the text once per change and keeps the ids in KV; the same text on another node
 * or after a restart reuses them (no lookups, same ids even if a name changed since).
 */
export async function loadAllowlist(kv: KvPort, dir: DirectoryPort, which: 'dm' | 'channel', text: string, label: string): Promise<ResolvedAllowlist> {
  const record = new JsonRecord(kv, `conv-allowlist-${which}`, ResolvedSchema, () => EMPTY_ALLOWLIST);
  const stored = await record.read();
  if (stored.source === text && stored.problems.length === 0) return stored;
  const resolved = await resolveAllowlist(dir, text, label, stored);
  await record.update(() => resolved);
  return resolved;
}
