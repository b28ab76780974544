// Is the bot addressed, and what is left of the message once the address is removed?
// Mattermost usernames are [a-z0-9._-]; a trailing "." ends a sentence rather than the name
// (Mattermost itself treats "@bot." as a mention of "bot").

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class MentionMatcher {
  private readonly any: RegExp;
  private readonly leading: RegExp;
  /** Allocation-free pre-check (runs for every post in a channel the bot is in). */
  private readonly cheap: RegExp;

  constructor(readonly username: string) {
    const name = escape(username.toLowerCase());
    this.cheap = new RegExp(`@${name}`, 'i');
    // Preceded by start or a character that cannot be part of a username or an email.
    this.any = new RegExp(`(^|[^a-z0-9_.@-])@${name}(?=$|\\.(?![a-z0-9_-])|[^a-z0-9_.-])`, 'i');
    this.leading = new RegExp(`^\\s*@${name}(?=$|[^a-z0-9_.-]|\\.(?![a-z0-9_-]))[\\s.,:;!?-]*`, 'i');
  }

  /** Cheap pre-check first: most posts do not contain the name at all. */
  mentions(message: string): boolean {
    if (!this.cheap.test(message)) return false;
    return this.any.test(message);
  }

  /** Removes a leading "@bot" (and the punctuation after it); inline mentions stay. */
  stripLeading(message: string): string {
    return message.replace(this.leading, '').trim();
  }
}

/** The prefix the message starts with (after leading spaces), if any. */
export function matchingPrefix(message: string, prefixes: readonly string[]): string | undefined {
  const text = message.trimStart();
  return prefixes.find((p) => text.startsWith(p));
}

export function stripPrefix(message: string, prefix: string): string {
  return message.trimStart().slice(prefix.length).trim();
}

