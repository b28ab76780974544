// Fetches now and every `intervalMs` while the component is on screen; `refresh` fetches at once
// (after an action). A failed fetch keeps the last data and shows the failure.
import { useCallback, useEffect, useRef, useState } from 'react';

export function usePoll<T>(load: () => Promise<T>, intervalMs: number): { data?: T; error?: string; refresh: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const alive = useRef(true);
  const refresh = useCallback(() => {
    load().then(
      (d) => { if (alive.current) { setData(d); setError(undefined); } },
      (err: unknown) => { if (alive.current) setError(err instanceof Error ? err.message : String(err)); },
    );
  }, [load]);
  useEffect(() => {
    alive.current = true;
    refresh();
    const timer = setInterval(refresh, intervalMs);
    return () => { alive.current = false; clearInterval(timer); };
  }, [refresh, intervalMs]);
  return { data, error, refresh };
}
