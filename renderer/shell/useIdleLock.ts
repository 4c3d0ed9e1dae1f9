import { useEffect, useRef } from 'react';

/** What counts as someone at the keyboard. Capture phase: a modal that stops propagation still counts. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Locks the screen after the clinic's idle time with no mouse, keyboard or touch activity, so a
 * record left open at the front desk does not stay on show. Activity only stamps a time; a single
 * timer checks it, so moving the mouse costs nothing.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!(minutes > 0)) return;
    const idleMs = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= idleMs) onIdleRef.current();
      else timer = setTimeout(check, idleMs - idleFor);
    };
    const stamp = () => {
      lastActivity = Date.now();
    };

    for (const name of activityEvents) window.addEventListener(name, stamp, { capture: true, passive: true });
    timer = setTimeout(check, idleMs);
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, stamp, { capture: true });
    };
  }, [minutes]);
}
