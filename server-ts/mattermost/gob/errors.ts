// A GobError means the stream is unusable: like Go's decoder, we do not try to resynchronise
// after malformed input, so callers should tear the stream down.
export class GobError extends Error {
  constructor(message: string) {
    super(message.startsWith('gob: ') ? message : `gob: ${message}`);
    this.name = 'GobError';
  }
}

// Thrown internally when an interface value continues in a message that has not arrived yet.
// It never escapes GobDecoder.next(); a plain object keeps it cheap (no stack capture).
export const NEED_MORE: unique symbol = Symbol('gob.needMore');
export type NeedMore = typeof NEED_MORE;
