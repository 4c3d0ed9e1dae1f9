import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import type { StockLot } from '../../shared/stock/stock';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';

/**
 * On the recall page: the catalogue's lots with the recalled lot number, and what is left of each
 * on the shelf, written off as recalled in one step. Nothing shows when the clinic never stocked it.
 */
export function RecalledLots({ lot }: { lot: string }) {
  const { t } = useTranslation();
  const [lots, setLots] = useState<StockLot[]>([]);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    let live = true;
    call('stock.lotsNamed', { lot: lot.slice(0, 60) })
      .then((found) => {
        if (live) setLots(found);
      })
      .catch((error: unknown) => {
        if (live) setFailure(asBridgeError(error));
      });
    return () => {
      live = false;
    };
  }, [lot]);
  const writeOff = async (recalled: StockLot) => {
    setFailure(null);
    try {
      const after = await call('stock.writeOffRecalled', { lotId: recalled.id, note: t('stock.recall.note', { lot }) });
      setLots((current) => current.map((other) => (other.id === after.id ? after : other)));
      notifySuccess(t('stock.recall.title'), t('stock.recall.done'));
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };
  if (lots.length === 0 && !failure) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('stock.recall.title')}>
      <Text fw={600}>{t('stock.recall.title')}</Text>
      <ErrorAlert error={failure} />
      {lots.map((found) => (
        <Group key={found.id} justify="space-between">
          <Text>{t('stock.recall.line', { product: found.productName, lot: found.lot, count: found.onHand })}</Text>
          {found.onHand > 0 ? (
            <Button color="red" variant="light" onClick={() => void writeOff(found)}>
              {t('stock.recall.writeOff', { product: found.productName, lot: found.lot })}
            </Button>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}
