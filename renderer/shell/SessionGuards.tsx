import { useHotkeys } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import type { LockReason } from '../app/session-context';
import { onMenuCommand } from '../bridge/client';
import { useIdleLock } from './useIdleLock';

/**
 * Wraps everything shown while someone is signed in: Ctrl/Cmd+L, the menu's Lock and the idle
 * timer all lock the screen. Works inside text fields too: locking must never be blocked by focus.
 */
export function SessionGuards({ idleLockMinutes, onLock, children }: { idleLockMinutes: number; onLock: (reason: LockReason) => void; children: ReactNode }) {
  useHotkeys([['mod+L', () => onLock('shortcut')]], []);
  useIdleLock(idleLockMinutes, () => onLock('idle'));
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'lock') onLock('button');
      }),
    [onLock],
  );
  return <>{children}</>;
}
