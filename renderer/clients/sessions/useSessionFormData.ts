import { useEffect, useState } from 'react';
import type { AreaDepth } from '../../../shared/clinical/areas';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import type { ClientProfile, ScreeningState } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';

/** What the session form needs before it can show: the client, the clinic's depths, and the session being changed. */
export interface SessionFormData {
  profile: ClientProfile;
  depths: AreaDepth[];
  historyDates: string[];
  session: TreatmentSessionView | null;
}

export interface SessionFormLoad {
  data: SessionFormData | null;
  failure: BridgeError | null;
  /** The screening after an override was recorded on the form, without reading everything again. */
  setScreening: (screening: ScreeningState) => void;
}

/**
 * Reads everything the session form shows, all at once, for a new session (sessionId null) or
 * one being changed; a session id the client does not have is a failure, not a blank form.
 */
export function useSessionFormData(clientId: string, sessionId: string | null): SessionFormLoad {
  const [data, setData] = useState<SessionFormData | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    Promise.all([
      call('clients.profile', { id: clientId }),
      call('areaDepths.list', {}),
      call('medicalHistory.list', { clientId }),
      sessionId ? call('sessions.list', { clientId }) : Promise.resolve([]),
    ])
      .then(([profile, depths, history, sessions]) => {
        const session = sessionId ? (sessions.find((candidate) => candidate.id === sessionId) ?? null) : null;
        if (sessionId && !session) throw new Error('That session does not exist.');
        setData({ profile, depths, historyDates: history.map((entry) => entry.recordedAt), session });
      })
      .catch((error: unknown) => setFailure(asBridgeError(error)));
  }, [clientId, sessionId]);
  const setScreening = (screening: ScreeningState) => setData((current) => current && { ...current, profile: { ...current.profile, screening } });
  return { data, failure, setScreening };
}
