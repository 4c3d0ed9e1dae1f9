import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isExpired } from '../../../shared/stock/stock-rules';
import type { StockLot } from '../../../shared/stock/stock';
import { useDates } from '../../hooks/useDates';
import { expiryText } from './ExpiryField';

export interface PickedLot {
  name: string;
  lot: string;
  expiry: string | null;
  stockLotId: string;
}

/**
 * Picks a cartridge or product from the lots on hand, earliest expiry first; typing filters,
 * arrows and Enter choose. An expired lot is listed as expired: choosing it asks for the
 * override reason like any expired lot. The lot in use on a session being changed stays listed
 * even when none is left.
 */
export function StockLotPicker({
  label,
  lots,
  cartridges,
  value,
  typedName,
  sessionDay,
  onPick,
}: {
  label: string;
  lots: readonly StockLot[];
  /** Cartridges for the cartridge field; everything else for products. */
  cartridges: boolean;
  value: string | null;
  typedName: string;
  sessionDay: string;
  onPick: (lot: PickedLot | null) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const offered = lots.filter((lot) => (lot.category === 'cartridge') === cartridges && ((lot.onHand > 0 && !lot.productArchived) || lot.id === value));
  const data = offered.map((lot) => {
    const expiry = lot.expiry ? expiryText(lot.expiry, dates) : t('stock.noExpiry');
    const words = { product: lot.productName, lot: lot.lot, expiry, count: lot.onHand };
    return { value: lot.id, label: isExpired(lot.expiry, sessionDay) ? t('stock.picker.optionExpired', words) : t('stock.picker.option', words) };
  });
  const note = value ? t('stock.picker.fromStock') : typedName.trim() ? t('stock.picker.typed') : null;
  return (
    <div>
      <Select
        label={label}
        placeholder={t('stock.picker.placeholder')}
        data={data}
        value={value}
        searchable
        clearable
        selectFirstOptionOnChange
        nothingFoundMessage={t('stock.picker.nothingFound')}
        onChange={(id) => {
          const lot = offered.find((candidate) => candidate.id === id);
          onPick(lot ? { name: lot.productName, lot: lot.lot, expiry: lot.expiry, stockLotId: lot.id } : null);
        }}
      />
      {note ? (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      ) : null}
    </div>
  );
}
