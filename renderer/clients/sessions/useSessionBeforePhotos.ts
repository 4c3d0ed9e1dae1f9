import { useEffect, useState } from 'react';
import { call } from '../../bridge/client';
import { localIsoDate } from '../client-text';

/**
 * How many "before" photos a session has: those filed under it, and the client's before photos
 * taken on the session's day and not filed under another session (photos are often taken before
 * the session is saved). Undefined while being read or if unreadable.
 */
export function useSessionBeforePhotos(clientId: string, sessionId: string | null, day: string | null): number | undefined {
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    setCount(undefined);
    let cancelled = false;
    call('photos.list', { clientId, stages: ['before'] })
      .then((list) => {
        if (cancelled) return;
        const counted = list.photos.filter(
          (photo) => (sessionId !== null && photo.sessionId === sessionId) || (photo.sessionId === null && day !== null && localIsoDate(new Date(photo.takenAt)) === day),
        );
        setCount(counted.length);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [clientId, sessionId, day]);
  return count;
}
