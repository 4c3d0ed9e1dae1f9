import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../../shared/contract/channels';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { bridgeAvailable, call, onSessionLoss } from '../bridge/client';

export interface AppStatusState {
  status: AppStatus | null;
  /** Set when the status itself could not be read (no bridge, main process gone). */
  failure: BridgeError | null;
  refresh: () => Promise<void>;
}

/** The main side decides what screen the clinic sees; this keeps the window's copy current. */
export function useAppStatus(): AppStatusState {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  // Answers can overtake each other; only the newest request may set the screen.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    if (!bridgeAvailable()) {
      setFailure({ code: 'INTERNAL', message: 'The SkinLedger bridge is not available.' });
      return;
    }
    try {
      const next = await call('app.status', {});
      if (request === latest.current) {
        setStatus(next);
        setFailure(null);
      }
    } catch (error) {
      if (request === latest.current) setFailure(asBridgeError(error));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onSessionLoss(() => void refresh());
  }, [refresh]);

  return { status, failure, refresh };
}
