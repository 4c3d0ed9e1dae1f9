import { useCallback, useEffect, useState } from 'react';

/**
 * After a wrong password the main side refuses another try for a few seconds; this counts
 * them down on screen so nobody wonders why the button does nothing.
 */
export function useRetryCountdown() {
  const [until, setUntil] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => {
    if (until === 0) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) setUntil(0);
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [until]);

  const start = useCallback((seconds: number | undefined) => {
    if (seconds && seconds > 0) setUntil(Date.now() + seconds * 1000);
  }, []);

  return { secondsLeft, start };
}
