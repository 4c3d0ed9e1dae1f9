import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditFilters, AuditTrailRow } from '../../shared/contract/audit-channels';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';

export const auditPageSize = 200;

interface Pages {
  key: string;
  total: number;
  headSeq: number;
  pages: ReadonlyMap<number, AuditTrailRow[]>;
}

export interface AuditPages {
  total: number | null;
  row(index: number): AuditTrailRow | undefined;
  ensure(first: number, last: number): void;
  loading: boolean;
  error: BridgeError | null;
  reload(): void;
}

/**
 * The trail a page at a time as the table scrolls. The first page fixes the newest row the
 * answer covers (headSeq); later pages ask up to it, so rows written meanwhile never shift them.
 * Answers to older filters are dropped when they arrive.
 */
export function useAuditPages(filters: AuditFilters): AuditPages {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([filters, generation]);
  const [state, setState] = useState<Pages | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const current = useRef(key);
  const asked = useRef(new Set<number>());
  const head = useRef<number | null>(null);

  const load = useCallback(
    (page: number) => {
      if (current.current !== key || asked.current.has(page)) return;
      if (page > 0 && head.current === null) return;
      asked.current.add(page);
      call('auditTrail.find', { filters, offset: page * auditPageSize, limit: auditPageSize, upToSeq: page === 0 ? null : head.current })
        .then((result) => {
          if (current.current !== key) return;
          if (page === 0) head.current = result.headSeq;
          setError(null);
          setState((previous) => {
            const pages = new Map(previous?.key === key ? previous.pages : []);
            pages.set(page, result.rows);
            return { key, total: result.total, headSeq: result.headSeq, pages };
          });
        })
        .catch((failure: unknown) => {
          if (current.current !== key) return;
          asked.current.delete(page);
          setError(asBridgeError(failure));
        });
    },
    // The filters are part of the key: a new key is a new search.
    [key, filters],
  );

  useEffect(() => {
    current.current = key;
    asked.current = new Set();
    head.current = null;
    load(0);
  }, [key, load]);

  const fresh = state?.key === key;
  const ensure = useCallback(
    (first: number, last: number) => {
      if (!fresh) return;
      for (let page = Math.floor(Math.max(0, first) / auditPageSize); page <= Math.floor(Math.max(0, last) / auditPageSize); page++) load(page);
    },
    [fresh, load],
  );
  const row = useCallback((index: number) => (fresh ? state.pages.get(Math.floor(index / auditPageSize))?.[index % auditPageSize] : undefined), [fresh, state]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  return { total: fresh ? state.total : null, row, ensure, loading: !fresh, error, reload };
}
