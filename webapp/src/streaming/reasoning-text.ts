// Applies one reasoning piece `{from, text}` (`from`: the reasoning's length before the piece on
// the server) to what we hold. Repeats change nothing, so events and a snapshot may overlap in
// any order; a piece that starts past our end means we missed one: only the snapshot can repair it.
export type Applied = { next: string } | 'same' | 'gap';

export function applyReasoning(held: string, from: number, text: string): Applied {
  if (from > held.length) return 'gap';
  if (held.startsWith(text, from)) return 'same';
  // Continues what we hold (perhaps overlapping it), or rewrites it from `from` on (the server
  // restarts at 0 when the model's reasoning was replaced rather than continued).
  return { next: held.slice(0, from) + text };
}
