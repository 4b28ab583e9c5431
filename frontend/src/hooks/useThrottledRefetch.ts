// Calls `refetch` when `trigger` changes, at most once per interval (leading and trailing), never on a timer alone.
import { useEffect, useRef } from 'react';

export function useThrottledRefetch(trigger: unknown, refetch: () => void, intervalMs = 750): void {
  const lastRun = useRef(0);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      // The page fetched on mount already.
      first.current = false;
      return;
    }
    const wait = Math.max(0, lastRun.current + intervalMs - Date.now());
    const timer = setTimeout(() => {
      lastRun.current = Date.now();
      refetch();
    }, wait);
    return () => clearTimeout(timer);
  }, [trigger, refetch, intervalMs]);
}
