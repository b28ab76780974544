// Which user is our bot. Only its posts are rendered as replies (markdown, live text, Stop):
// anyone can create a post of a custom_ type, so type alone proves nothing. Until the id is known
// every post of our type renders as plain text; subscribers re-render when it arrives.
export class BotIdentity {
  private id: string | undefined;
  private listeners = new Set<() => void>();

  get userId(): string | undefined {
    return this.id;
  }

  /** Asks the server, retrying with a growing pause (about 8 min in all): the plugin may be activating. */
  async load(fetchId: () => Promise<string>, logError: (m: string) => void, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        this.set(await fetchId());
        return;
      } catch (err) {
        if (attempt === 0) logError(`OpenClaw: could not learn the bot's user id (replies show as plain text until then): ${err instanceof Error ? err.message : String(err)}`);
        await wait(Math.min(60_000, 1_000 * 2 ** attempt));
      }
    }
  }

  set(id: string): void {
    this.id = id;
    for (const l of [...this.listeners]) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
