import { createContext, useContext } from 'react';
import type { AppStatus } from '../../shared/contract/channels';
import type { SignedInStaff } from '../../shared/staff';

export type LockReason = 'button' | 'idle' | 'shortcut';

/** What every signed-in screen may ask of the session; the App owns the state behind it. */
export interface SessionActions {
  status: AppStatus;
  staff: SignedInStaff;
  lock(reason: LockReason): void;
  signOut(): void;
  refresh(): Promise<void>;
}

export const SessionContext = createContext<SessionActions | null>(null);

export function useSession(): SessionActions {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a signed-in screen');
  return session;
}
