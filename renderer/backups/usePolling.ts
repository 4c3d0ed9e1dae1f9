import { useEffect } from 'react';

/**
 * Asks again every `everyMs` while `active`: the main side reports a long job's progress only
 * when asked. The first ask is immediate so a short job still shows its bar.
 */
export function usePolling(active: boolean, ask: () => Promise<void>, everyMs = 250): void {
  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await ask().catch(() => undefined);
      if (live) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [active, ask, everyMs]);
}
