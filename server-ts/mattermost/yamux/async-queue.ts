// FIFO with async take(): the accept() queue. Items are handed out in arrival
// order; closing rejects every current and future taker with the given error.

export class AsyncQueue<T> {
  private items: T[] = [];
  private takers: Array<{ resolve: (item: T) => void; reject: (err: Error) => void }> = [];
  private closedWith: Error | undefined;

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    const taker = this.takers.shift();
    if (taker) taker.resolve(item);
    else this.items.push(item);
  }

  take(): Promise<T> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift() as T);
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => this.takers.push({ resolve, reject }));
  }

  /** Reject waiting takers; returns the items nobody took so the owner can dispose of them. */
  close(err: Error): T[] {
    this.closedWith = err;
    const takers = this.takers;
    this.takers = [];
    for (const t of takers) t.reject(err);
    const left = this.items;
    this.items = [];
    return left;
  }
}
