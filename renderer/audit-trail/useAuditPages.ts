import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditFilters, AuditTrailRow } from '../../shared/contract/audit-channels';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';

export const auditPageSize = 200;

interface Loaded {
  key: string;
  total: number;
  totalAtLeast: boolean;
  rows: AuditTrailRow[];
  /** Where the next page starts; null once the oldest matching row is loaded. */
  nextBeforeSeq: number | null;
}

export interface AuditPages {
  /** How many rows match (null while the first page loads); at least that many when totalAtLeast. */
  total: number | null;
  totalAtLeast: boolean;
  /** Rows loaded so far, newest first. */
  loaded: number;
  /** True while older rows remain to be loaded. */
  more: boolean;
  row(index: number): AuditTrailRow | undefined;
  /** Loads the next page when the table shows a row at or past `index`. */
  ensure(index: number): void;
  loading: boolean;
  error: BridgeError | null;
  reload(): void;
}

/**
 * The trail a page at a time as the table scrolls down. Each page starts below the oldest row of
 * the one before (keyset paging), so a deep page costs what the first does and rows written
 * meanwhile never shift the pages. Answers to older filters are dropped when they arrive.
 */
export function useAuditPages(filters: AuditFilters): AuditPages {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([filters, generation]);
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const current = useRef(key);
  const asking = useRef<number | null | 'none'>('none');

  const load = useCallback(
    (beforeSeq: number | null) => {
      if (current.current !== key || asking.current !== 'none') return;
      asking.current = beforeSeq;
      call('auditTrail.find', { filters, limit: auditPageSize, beforeSeq })
        .then((result) => {
          if (current.current !== key) return;
          asking.current = 'none';
          setError(null);
          setState((previous) =>
            beforeSeq === null || previous?.key !== key
              ? { key, total: result.total ?? result.rows.length, totalAtLeast: result.totalAtLeast, rows: result.rows, nextBeforeSeq: result.nextBeforeSeq }
              : { ...previous, rows: [...previous.rows, ...result.rows], nextBeforeSeq: result.nextBeforeSeq },
          );
        })
        .catch((failure: unknown) => {
          if (current.current !== key) return;
          asking.current = 'none';
          setError(asBridgeError(failure));
        });
    },
    // The filters are part of the key: a new key is a new search.
    [key, filters],
  );

  useEffect(() => {
    current.current = key;
    asking.current = 'none';
    load(null);
  }, [key, load]);

  const fresh = state?.key === key;
  const ensure = useCallback(
    (index: number) => {
      if (fresh && state.nextBeforeSeq !== null && index >= state.rows.length - 1) load(state.nextBeforeSeq);
    },
    [fresh, state, load],
  );
  const row = useCallback((index: number) => (fresh ? state.rows[index] : undefined), [fresh, state]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return {
    total: fresh ? state.total : null,
    totalAtLeast: fresh ? state.totalAtLeast : false,
    loaded: fresh ? state.rows.length : 0,
    more: fresh ? state.nextBeforeSeq !== null : false,
    row,
    ensure,
    loading: !fresh,
    error,
    reload,
  };
}
