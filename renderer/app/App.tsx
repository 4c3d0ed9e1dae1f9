import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { call, onLockedByMain } from '../bridge/client';
import { StoreErrorScreen } from '../errors/StoreErrorScreen';
import { SessionGuards } from '../shell/SessionGuards';
import { LockScreen } from '../unlock/LockScreen';
import { SignInScreen } from '../unlock/SignInScreen';
import { AboutDialog } from './AboutDialog';
import { LoadingScreen } from './LoadingScreen';
import { SessionContext, type LockReason, type SessionActions } from './session-context';
import { useAppStatus } from './useAppStatus';

// Loaded only when needed, so the sign-in screen (the one seen every morning) stays small.
const SetupScreen = lazy(() => import('../setup/SetupScreen'));
const RecoveryKeyScreen = lazy(() => import('../setup/RecoveryKeyScreen'));
const SignedInApp = lazy(() => import('../shell/SignedInApp'));
const ChooseOwnPasswordScreen = lazy(() => import('../unlock/ChooseOwnPasswordScreen'));

/** Picks the screen from the main side's status; the main side, not the window, decides who is in. */
export function App() {
  const { status, failure, refresh } = useAppStatus();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  // Locking takes the records off screen at once; the bridge call and status follow.
  const leave = useCallback(
    (action: () => Promise<unknown>) => {
      setLeaving(true);
      notifications.clean();
      void action()
        .catch(() => undefined)
        .then(refresh)
        .finally(() => setLeaving(false));
    },
    [refresh],
  );
  const lock = useCallback((reason: LockReason) => leave(() => call('session.lock', { reason })), [leave]);
  const signOut = useCallback(
    () =>
      leave(() => {
        setRecoveryKey(null);
        return call('session.signOut', {});
      }),
    [leave],
  );
  useEffect(() => onLockedByMain(() => leave(async () => undefined)), [leave]);

  const session = useMemo<SessionActions | null>(() => (status?.staff ? { status, staff: status.staff, lock, signOut, refresh } : null), [status, lock, signOut, refresh]);

  const screen = (() => {
    if (!status) return failure ? <StoreErrorScreen error={failure} appVersion={null} onRetry={refresh} /> : <LoadingScreen />;
    if (leaving) return <LoadingScreen />;
    switch (status.state) {
      case 'needs-setup':
        return (
          <SetupScreen
            onCreated={(key) => {
              setRecoveryKey(key);
              void refresh();
            }}
            onRestored={() => void refresh()}
            networkShare={status.dataFolderOnNetwork}
          />
        );
      case 'store-error':
        return <StoreErrorScreen error={status.storeError} appVersion={status.appVersion} onRetry={refresh} />;
      case 'signed-out':
        return <SignInScreen clinicName={status.clinicName} onSignedIn={() => void refresh()} />;
      case 'locked':
        return <LockScreen staff={status.staff} clinicName={status.clinicName} onUnlocked={() => void refresh()} />;
      case 'signed-in':
        return (
          <SessionGuards idleLockMinutes={status.idleLockMinutes} onLock={lock}>
            {status.recoveryKeyPending ? (
              <RecoveryKeyScreen
                recoveryKey={recoveryKey}
                clinicName={status.clinicName}
                onDone={() => {
                  setRecoveryKey(null);
                  void refresh();
                }}
              />
            ) : status.staff?.mustChangePassword ? (
              <ChooseOwnPasswordScreen clinicName={status.clinicName} onChanged={() => void refresh()} onSignOut={signOut} />
            ) : session ? (
              <SessionContext.Provider value={session}>
                <SignedInApp />
              </SessionContext.Provider>
            ) : null}
          </SessionGuards>
        );
    }
  })();

  return (
    <>
      <Suspense fallback={<LoadingScreen />}>{screen}</Suspense>
      <AboutDialog appVersion={status?.appVersion ?? null} />
    </>
  );
}
