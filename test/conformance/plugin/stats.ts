// Helpers shared by the conformance routes; the Go twin has the same definitions.

/** n bytes of the pattern byte(i % 251), which the harness verifies. */
export function blob(n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = i % 251;
  return b;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: Float64Array, pct: number): number {
  const rank = Math.max(1, Math.ceil((pct * sorted.length) / 100));
  return sorted[rank - 1];
}
