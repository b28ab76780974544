// Gateway session keys, built from generic parts. The gateway's documented forms are
//   agent:<agentId>:<channel>:<direct|group|channel>:<peerId>[:thread:<threadId>]
// and it lower-cases keys before routing, so we emit them lower-cased to compare equal to
// the keys echoed back in events. Parts are restricted to a safe alphabet so a part can
// never smuggle in an extra `:segment`.
export type ConversationKind = 'direct' | 'group' | 'channel';

export interface SessionKeyParts {
  agentId: string;
  /** The messaging surface, e.g. "mattermost". */
  channel: string;
  kind: ConversationKind;
  /** Conversation id: a channel id, or the user id for direct messages. */
  peerId: string;
  /** Root of a thread, when the conversation is a thread. */
  threadId?: string;
}

const PART = /^[a-z0-9][a-z0-9._-]{0,127}$/;
export const MAX_SESSION_KEY_LENGTH = 512;

function part(name: string, value: string): string {
  const v = value.trim().toLowerCase();
  if (!PART.test(v)) throw new Error(`session key ${name} must be 1-128 of a-z 0-9 . _ - (got "${value.slice(0, 40)}")`);
  return v;
}

export function buildSessionKey(p: SessionKeyParts): string {
  const segments = ['agent', part('agentId', p.agentId), part('channel', p.channel), p.kind, part('peerId', p.peerId)];
  if (p.threadId !== undefined) segments.push('thread', part('threadId', p.threadId));
  const key = segments.join(':');
  if (key.length > MAX_SESSION_KEY_LENGTH) throw new Error(`session key longer than ${MAX_SESSION_KEY_LENGTH} characters`);
  return key;
}

/** The agent's main session (`agent:<id>:main`), shared with the gateway's own UIs. */
export function mainSessionKey(agentId: string): string {
  return `agent:${part('agentId', agentId)}:main`;
}
