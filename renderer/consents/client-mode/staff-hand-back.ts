import { call } from '../../bridge/client';

/**
 * While the client holds the screen the session is locked on the main side, so nothing the
 * client could reach (a stray shortcut, a crafted call) opens a record: every channel but the
 * unlock is refused. The form itself lives only in this window's memory until staff take over.
 */
export async function lockForClient(): Promise<void> {
  await call('session.lock', { reason: 'button' });
}

/** Staff take the screen back with their own password; a wrong one is counted and throttled like any unlock. */
export async function unlockForStaff(password: string): Promise<void> {
  await call('session.unlock', { password });
}
