// In-process timers that mark an undecided post expired when its deadline passes. Every
// node that posted or heard of the post may hold one; the record store lets only one edit.
export class ExpiryTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly now: () => number = Date.now) {}

  at(id: string, atMs: number, fire: () => Promise<void>, onError: (err: Error) => void): void {
    this.clear(id);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      fire().catch(onError);
    }, Math.min(Math.max(0, atMs - this.now()), 2 ** 31 - 1));
    timer.unref();
    this.timers.set(id, timer);
  }

  clear(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  /** Drops every pending timer (plugin deactivation). */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
