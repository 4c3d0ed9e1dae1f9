import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientSummary } from '../../../shared/clients/client';
import type { BridgeError } from '../../../shared/errors';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';

export const clientPageSize = 60;

interface Pages {
  /** Which search these pages answer. */
  key: string;
  total: number;
  pages: ReadonlyMap<number, ClientSummary[]>;
}

export interface ClientPages {
  /** The search the rows on screen answer; may lag the typed one by a keystroke. */
  key: string | null;
  total: number | null;
  /** The row at an index, or undefined while its page is on its way. */
  row(index: number): ClientSummary | undefined;
  /** Asks for the pages that hold rows first..last (already asked ones are not asked again). */
  ensure(first: number, last: number): void;
  searching: boolean;
  error: BridgeError | null;
}

/**
 * A search's results a page at a time, by offset, as the list scrolls. Answers to an older search
 * (typed over, or the archive toggle flipped) are dropped when they arrive, so a slow early
 * keystroke never overwrites a later one.
 */
export function useClientPages(text: string, includeArchived: boolean): ClientPages {
  const key = JSON.stringify([text, includeArchived]);
  const [state, setState] = useState<Pages | null>(null);
  const [error, setError] = useState<BridgeError | null>(null);
  const current = useRef(key);
  const asked = useRef(new Set<number>());

  const load = useCallback(
    (page: number) => {
      if (current.current !== key || asked.current.has(page)) return;
      asked.current.add(page);
      call('clients.find', { text, offset: page * clientPageSize, limit: clientPageSize, includeArchived })
        .then((result) => {
          if (current.current !== key) return;
          setError(null);
          setState((previous) => {
            const pages = new Map(previous?.key === key ? previous.pages : []);
            pages.set(page, result.clients);
            return { key, total: result.total, pages };
          });
        })
        .catch((failure: unknown) => {
          if (current.current !== key) return;
          asked.current.delete(page);
          setError(asBridgeError(failure));
        });
    },
    [key, text, includeArchived],
  );

  useEffect(() => {
    current.current = key;
    asked.current = new Set();
    load(0);
  }, [key, load]);

  const fresh = state?.key === key;
  const ensure = useCallback(
    (first: number, last: number) => {
      if (!fresh) return;
      for (let page = Math.floor(Math.max(0, first) / clientPageSize); page <= Math.floor(Math.max(0, last) / clientPageSize); page++) load(page);
    },
    [fresh, load],
  );
  const row = useCallback((index: number) => state?.pages.get(Math.floor(index / clientPageSize))?.[index % clientPageSize], [state]);

  return { key: state?.key ?? null, total: state?.total ?? null, row, ensure, searching: !fresh, error };
}
