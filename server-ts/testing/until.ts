// Deterministic waits for unit tests: wait for the condition a test needs, never for a fixed time,
// so a loaded machine makes a test slower, not wrong.

/** Resolves once cond() holds (checked every few ms); rejects naming `what` after timeoutMs. */
export async function until(cond: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
