import { useEffect, useState } from 'react';
import { call } from '../bridge/client';

/** How many "before" photos a saved session has, for its checklist; undefined until known (or if unreadable). */
export function useBeforePhotoCount(clientId: string, sessionId: string | null): number | undefined {
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    setCount(undefined);
    if (!sessionId) return;
    let cancelled = false;
    call('photos.list', { clientId, sessionId, stages: ['before'] })
      .then((list) => {
        if (!cancelled) setCount(list.photos.length);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [clientId, sessionId]);
  return count;
}
