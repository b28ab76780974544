// REST clients (the official @mattermost/client Client4) and the users, team,
// channels and DM a test needs.
import { Client4 } from '@mattermost/client';
import type { Channel } from '@mattermost/types/channels';
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import { randomBytes } from 'node:crypto';

export const DEFAULT_PASSWORD = 'Openclaw-test-1';

export function client(url: string, token?: string): Client4 {
  const c = new Client4();
  c.setUrl(url);
  if (token) c.setToken(token);
  return c;
}

export interface LoggedIn {
  user: UserProfile;
  token: string;
  client: Client4;
}

export async function login(url: string, username: string, password = DEFAULT_PASSWORD): Promise<LoggedIn> {
  const c = client(url);
  const user = await c.login(username, password);
  return { user, token: c.getToken(), client: c };
}

/**
 * The first account created on an empty Mattermost becomes system admin, so
 * on a fresh server the admin can sign itself up without any credentials.
 */
export async function bootstrapAdmin(url: string, username = 'admin', password = DEFAULT_PASSWORD): Promise<LoggedIn> {
  const c = client(url);
  await c.createUser({ username, password, email: `${username}@example.com` } as UserProfile, '', '');
  return login(url, username, password);
}

/** Short random suffix so fixtures never collide on a shared (existing) server. */
export const uniqueSuffix = (): string => randomBytes(3).toString('hex');

export interface World {
  admin: LoggedIn;
  team: Team;
  /** Regular (non-admin) users, logged in. */
  users: LoggedIn[];
  /** A public channel all users are in. */
  channel: Channel;
  /** A private channel all users are in. */
  privateChannel: Channel;
  /** Direct message channel between users[0] and users[1]. */
  dm: Channel;
}

export interface WorldOptions {
  userNames?: string[];
  /** Appended to every name; random by default. '' gives plain names (npm start). */
  suffix?: string;
}

export async function createWorld(url: string, admin: LoggedIn, opts: WorldOptions = {}): Promise<World> {
  const userNames = opts.userNames ?? ['alice', 'bob'];
  const sfx = opts.suffix ?? uniqueSuffix();
  const named = (base: string): string => (sfx ? `${base}-${sfx}` : base);
  const a = admin.client;
  const team = await a.createTeam({ name: named('openclaw'), display_name: `OpenClaw ${sfx}`.trim(), type: 'O' } as Team);
  await a.addToTeam(team.id, admin.user.id);
  const users: LoggedIn[] = [];
  for (const base of userNames) {
    const username = named(base);
    const u = await a.createUser({ username, password: DEFAULT_PASSWORD, email: `${username}@example.com` } as UserProfile, '', '');
    await a.addToTeam(team.id, u.id);
    users.push(await login(url, username));
  }
  const mkChannel = async (name: string, type: 'O' | 'P'): Promise<Channel> => {
    const ch = await a.createChannel({ team_id: team.id, name: named(name), display_name: `${name} ${sfx}`.trim(), type });
    for (const u of users) await a.addToChannel(u.user.id, ch.id);
    return ch;
  };
  const channel = await mkChannel('oc-public', 'O');
  const privateChannel = await mkChannel('oc-private', 'P');
  const first = users[0];
  const second = users[1] ?? admin;
  if (!first) throw new Error('createWorld needs at least one user');
  const dm = await first.client.createDirectChannel([first.user.id, second.user.id]);
  return { admin, team, users, channel, privateChannel, dm };
}
