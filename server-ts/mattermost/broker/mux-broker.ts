// go-plugin's MuxBroker over our yamux session: extra streams are matched to a
// numeric id that one side allocated and told the other over RPC. The dialer
// writes the id (uint32 LE), the acceptor echoes it back as the ack.

import type { YamuxSession, YamuxStream } from '../yamux';
import { PendingStreams } from './pending-streams';
import { encodeId, readExactly } from './read-exact';

export interface MuxBrokerOptions {
  /** How long a peer-opened stream waits for accept(id) before it is closed (go-plugin: 5 s). */
  pendingTimeoutMs: number;
  /** How long a peer-opened stream may take to send its 4-byte id. */
  idReadTimeoutMs: number;
}

export class MuxBroker {
  private lastId = 0;
  private readonly pending: PendingStreams;
  private readonly idReadTimeoutMs: number;

  constructor(
    private readonly session: YamuxSession,
    options?: Partial<MuxBrokerOptions>,
  ) {
    this.pending = new PendingStreams(options?.pendingTimeoutMs ?? 5_000);
    this.idReadTimeoutMs = options?.idReadTimeoutMs ?? 5_000;
  }

  /** Allocate an id in our own namespace (first is 1); hand it to the host, then accept(id). */
  nextId(): number {
    this.lastId = (this.lastId + 1) >>> 0;
    return this.lastId;
  }

  /** Wait for the host to dial `id`, ack it, and return the stream (payload untouched). */
  async accept(id: number, timeoutMs = 5_000): Promise<YamuxStream> {
    const stream = await this.pending.claim(id, timeoutMs);
    await new Promise<void>((resolve, reject) =>
      stream.write(encodeId(id), (err) => (err ? reject(err) : resolve())),
    );
    return stream;
  }

  /** Open a stream to an id the host allocated; resolves after the host acked it. */
  async dial(id: number): Promise<YamuxStream> {
    const stream = await this.session.open();
    try {
      stream.write(encodeId(id));
      const ack = (await readExactly(stream, 4, `broker dial ${id}`)).readUInt32LE(0);
      if (ack !== id) throw new Error(`broker: bad ack for id ${id}: got ${ack}`);
      return stream;
    } catch (err) {
      stream.destroy();
      throw err;
    }
  }

  /**
   * Acceptor loop: every stream the host opens from now on starts with a 4-byte
   * id. Start it after control/stdout/stderr were accepted. Resolves (never
   * rejects) when the session ends, so `void broker.run()` is safe.
   */
  async run(session: YamuxSession = this.session): Promise<void> {
    if (session !== this.session) throw new Error('broker: run() must use the session given to the constructor');
    for (;;) {
      let stream: YamuxStream;
      try {
        stream = await session.accept();
      } catch {
        this.pending.closeAll();
        return;
      }
      // Per stream, so one slow dialer cannot hold up the others (Go reads inline).
      void this.admit(stream);
    }
  }

  private async admit(stream: YamuxStream): Promise<void> {
    const timer = setTimeout(() => stream.destroy(), this.idReadTimeoutMs);
    try {
      const id = (await readExactly(stream, 4, 'broker accept')).readUInt32LE(0);
      clearTimeout(timer);
      this.pending.offer(id, stream);
    } catch {
      clearTimeout(timer);
      stream.destroy();
    }
  }
}
