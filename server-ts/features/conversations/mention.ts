// Is the bot addressed, and what is left of the message once the address is removed?
// Mattermost usernames are [a-z0-9._-]; a trailing "." ends a sentence rather than the name
// (Mattermost itself treats "@bot." as a mention of "bot").

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

export class MentionMatcher {
  private readonly any: RegExp;
  private readonly leading: RegExp;
  private readonly lowerName: string;

  constructor(readonly username: string) {
    this.lowerName = username.toLowerCase();
    const name = escape(this.lowerName);
    // Preceded by start or a character that cannot be part of a username or an email.
    this.any = new RegExp(`(^|[^a-z0-9_.@-])@${name}(?=$|\\.(?![a-z0-9_-])|[^a-z0-9_.-])`, 'i');
    this.leading = new RegExp(`^\\s*@${name}(?=$|[^a-z0-9_.-]|\\.(?![a-z0-9_-]))[\\s.,:;!?-]*`, 'i');
  }

  mentions(message: string): boolean {
    return this.mayMention(message) && this.any.test(message);
  }

  /**
   * Whether "@<name>" occurs, in any case: every mention does, and a few that do are not one
   * (an email address). A plain scan with no pattern and no allocation, since it runs for posts
   * in every channel the bot is in. Usernames are ASCII, so ASCII case folding is the mention
   * pattern's own ('i' without 'u' folds no other character into ASCII).
   */
  mayMention(message: string): boolean {
    const name = this.lowerName;
    for (let at = message.indexOf('@'); at !== -1 && at + name.length < message.length; at = message.indexOf('@', at + 1)) {
      let i = 0;
      while (i < name.length && asciiLower(message.charCodeAt(at + 1 + i)) === name.charCodeAt(i)) i++;
      if (i === name.length) return true;
    }
    return false;
  }

  /** Removes a leading "@bot" (and the punctuation after it); inline mentions stay. */
  stripLeading(message: string): string {
    return message.replace(this.leading, '').trim();
  }
}

/** The prefix the message starts with (after leading spaces), if any. */
export function matchingPrefix(message: string, prefixes: readonly string[]): string | undefined {
  const text = message.trimStart();
  for (const p of prefixes) if (text.startsWith(p)) return p;
  return undefined;
}

export function stripPrefix(message: string, prefix: string): string {
  return message.trimStart().slice(prefix.length).trim();
}

