// Fakes shared by the model picker's unit tests: a connected link that records the slash
// commands it runs, the model list, and a plugin API that records posts.
import type { GatewayConnection } from '../gateway-link/connection';
import type { PluginAPI } from '../../mattermost/plugin';
import type { Post } from '../../mattermost/model/post';
import { FakeKv } from '../conversations/testing/fake-kv';
import type { ListItem } from '../commands/autocomplete-lists';
import { NonceLedger } from '../interactions/nonces';
import { SigningSecrets } from '../interactions/signing-secrets';
import type { ServerLogger } from '../logging/server-logger';

export const ALICE = 'a'.repeat(26);
export const BOB = 'b'.repeat(26);
export const CHANNEL = 'c'.repeat(26);
export const BOT = 'o'.repeat(26);
export const NOW = 1_800_000_000_000;

export const MODELS: ListItem[] = [
  { Item: 'fake/fake-1', Hint: '', HelpText: 'Fake Model (default)' },
  ...[2, 3, 4, 5, 6, 7, 8].map((n) => ({ Item: `fake/fake-${n}`, Hint: '', HelpText: `Fake ${n}` })),
  { Item: 'alt/alt-1', Hint: '', HelpText: 'Alt One' },
  { Item: 'alt/alt-2', Hint: '', HelpText: 'Alt Two' },
];

export function fakes(opts: { readers?: string[]; answer?: () => Promise<string> } = {}) {
  const ran: Array<{ sessionKey: string; command: string }> = [];
  const ephemeral: Array<{ userId: string; post: Post }> = [];
  const posts = new Map<string, Post>();
  const link = {
    state: { status: 'connected' },
    runSlashCommand: (sessionKey: string, command: string) => { ran.push({ sessionKey, command }); return (opts.answer ?? (() => Promise.resolve(`Model set to ${command.slice(7)}.`)))(); },
  };
  const connection = { current: link, agentId: 'main', state: link.state } as unknown as GatewayConnection;
  const readers = new Set(opts.readers ?? [ALICE, BOB]);
  const api = {
    getChannel: () => Promise.resolve({ Id: CHANNEL, Type: 'O' }),
    hasPermissionToChannel: (user: string, channel: string, perm: string) => Promise.resolve(perm === 'read_channel' && channel === CHANNEL && readers.has(user)),
    sendEphemeralPost: (userId: string, post: Post) => { ephemeral.push({ userId, post }); return Promise.resolve(post); },
    createPost: (post: Post) => { const p = { ...post, Id: 'p'.repeat(26) }; posts.set(p.Id, p); return Promise.resolve(p); },
    getPost: (id: string) => Promise.resolve(posts.get(id) ?? {}),
    updatePost: (post: Post) => { posts.set(post.Id ?? '', post); return Promise.resolve(post); },
    getUser: (id: string) => Promise.resolve({ Id: id, Username: id === ALICE ? 'alice' : 'bob' }),
  } as unknown as PluginAPI;
  const kv = new FakeKv();
  kv.now = () => NOW;
  const warnings: string[] = [];
  const log = { debug: () => undefined, info: () => undefined, warn: (m: string) => { warnings.push(m); }, error: (m: string) => { warnings.push(m); } } as unknown as ServerLogger;
  const deps = {
    api, connection, lists: { items: () => Promise.resolve(MODELS) }, secrets: new SigningSecrets(kv), nonces: new NonceLedger(kv, () => NOW),
    pluginId: 'openclaw', botUserId: () => BOT, log, now: () => NOW,
  };
  return { deps, ran, ephemeral, posts, readers, warnings };
}
