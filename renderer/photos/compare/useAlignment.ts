import { useCallback, useEffect, useState } from 'react';
import type { BridgeError } from '../../../shared/errors';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import type { PairPoints } from './compared-photo';

/** The saved two-point alignment of an ordered pair: read when the pair changes, saved or removed on request. */
export function useAlignment(firstId: string | null, secondId: string | null) {
  const [points, setPoints] = useState<PairPoints | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setPoints(null);
    if (!firstId || !secondId || firstId === secondId) return;
    let cancelled = false;
    call('photos.alignment.get', { firstId, secondId })
      .then((saved) => {
        if (!cancelled) setPoints(saved ? { first: saved.first, second: saved.second } : null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(asBridgeError(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [firstId, secondId]);

  const save = useCallback(
    async (next: PairPoints): Promise<boolean> => {
      if (!firstId || !secondId) return false;
      setSaving(true);
      try {
        const saved = await call('photos.alignment.save', { firstId, secondId, first: next.first, second: next.second });
        setPoints({ first: saved.first, second: saved.second });
        setError(null);
        return true;
      } catch (failure) {
        setError(asBridgeError(failure));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [firstId, secondId],
  );

  const clear = useCallback(async () => {
    if (!firstId || !secondId) return;
    try {
      await call('photos.alignment.clear', { firstId, secondId });
      setPoints(null);
    } catch (failure) {
      setError(asBridgeError(failure));
    }
  }, [firstId, secondId]);

  return { points, error, saving, save, clear };
}
