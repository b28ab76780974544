// A GobError means the stream is unusable: like Go's decoder, we do not try to resynchronise
// after malformed framing, so callers should tear the stream down. The one exception is its
// subclass GobValueError.
export class GobError extends Error {
  constructor(message: string) {
    super(message.startsWith('gob: ') ? message : `gob: ${message}`);
    this.name = 'GobError';
  }
}

// One value could not be decoded and was skipped whole; the stream goes on with the next
// value, so only the call that value belonged to fails.
export class GobValueError extends GobError {
  constructor(message: string) {
    super(message);
    this.name = 'GobValueError';
  }
}

// Thrown internally when an interface value continues in a message that has not arrived yet.
// It never escapes GobDecoder.next(); a plain object keeps it cheap (no stack capture).
export const NEED_MORE: unique symbol = Symbol('gob.needMore');
export type NeedMore = typeof NEED_MORE;
