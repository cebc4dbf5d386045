// Data-loading hooks: fetch a GET route, re-fetch on demand or when the path changes;
// a ticking clock for countdowns.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { get } from "./api";

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  fetchedAt: number;
}

export function useGet<T>(path: string | null, intervalMs = 0): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; fetchedAt: number }>({
    data: null,
    error: null,
    loading: path !== null,
    fetchedAt: 0,
  });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const seq = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    get<T>(path).then(
      (data) => {
        if (mine === seq.current) setState({ data, error: null, loading: false, fetchedAt: Date.now() });
      },
      (error) => {
        if (mine === seq.current) setState((s) => ({ ...s, error, loading: false }));
      },
    );
  }, [path, nonce]);
  useEffect(() => {
    if (!intervalMs || path === null) return;
    const t = window.setInterval(reload, intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs, path, reload]);
  return { ...state, reload };
}

export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), periodMs);
    return () => window.clearInterval(t);
  }, [periodMs]);
  return now;
}
