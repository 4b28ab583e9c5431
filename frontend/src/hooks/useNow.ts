// The current time, ticking every `intervalMs` while `active` (a display clock for elapsed times; it fetches nothing).
import { useEffect, useState } from 'react';

export function useNow(active: boolean, intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
