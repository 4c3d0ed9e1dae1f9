import { useEffect, useState } from 'react';
import type { StockLot } from '../../shared/stock/stock';
import { call } from '../bridge/client';

/**
 * Every lot the clinic has recorded, earliest expiry first, for the pickers at the chair. Empty
 * (typing by hand still works) while loading or when the stock cannot be read.
 */
export function useStockLots(): StockLot[] {
  const [lots, setLots] = useState<StockLot[]>([]);
  useEffect(() => {
    let live = true;
    call('stock.lots', { onHandOnly: false })
      .then((found) => {
        if (live) setLots(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return lots;
}
