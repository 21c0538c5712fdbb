import { useEffect, useState } from 'react';

/** The current time, renewed as each minute begins (for what shows the time to the minute). */
export function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const untilNext = () => 60_000 - (Date.now() % 60_000) + 20;
    let timer = window.setTimeout(function tick() {
      setNow(new Date());
      timer = window.setTimeout(tick, untilNext());
    }, untilNext());
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}
