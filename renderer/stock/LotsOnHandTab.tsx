import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { writeOffReasons, expiresWithin, isExpired, type WriteOffReason } from '../../shared/stock/stock-rules';
import type { StockLot } from '../../shared/stock/stock';
import { Dialog } from '../app/Dialog';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { warmText } from '../clients/badge-colors';
import { expiryText } from '../clients/sessions/ExpiryField';
import { localIsoDate } from '../clients/client-text';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useDates } from '../hooks/useDates';

type Action = { kind: 'writeOff' | 'count'; lot: StockLot };

/** Lots on the shelf, earliest expiry first, each with a write-off and a stock count. */
export function LotsOnHandTab({ lots, error, onChanged }: { lots: StockLot[] | null; error: BridgeError | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [action, setAction] = useState<Action | null>(null);
  const [reportFailure, setReportFailure] = useState<BridgeError | null>(null);
  const today = localIsoDate(new Date());
  return (
    <Paper withBorder p="lg" bg="white">
      <Group justify="flex-end" mb="sm">
        <Button variant="light" leftSection={<IconDownload size={18} aria-hidden />} onClick={() => void saveReport().catch((failed: unknown) => setReportFailure(asBridgeError(failed)))}>
          {t('stock.report')}
        </Button>
      </Group>
      <ErrorAlert error={error ?? reportFailure} />
      {lots && lots.length === 0 ? <Text c="dimmed">{t('stock.noLots')}</Text> : null}
      {lots && lots.length > 0 ? (
        <Table striped highlightOnHover aria-label={t('stock.tabs.onHand')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.product')}</Table.Th>
              <Table.Th>{t('stock.lot')}</Table.Th>
              <Table.Th>{t('stock.expiry')}</Table.Th>
              <Table.Th>{t('stock.onHand')}</Table.Th>
              <Table.Th>{t('stock.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lots.map((lot) => {
              const name = t('stock.lotName', { product: lot.productName, lot: lot.lot });
              return (
                <Table.Tr key={lot.id}>
                  <Table.Td>
                    <Text fw={600}>{lot.productName}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`stock.categories.${lot.category}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{lot.lot}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text>{lot.expiry ? expiryText(lot.expiry, dates) : t('stock.noExpiry')}</Text>
                      {isExpired(lot.expiry, today) ? (
                        <Badge color="red" variant="light" c="red.9">
                          {t('stock.expired')}
                        </Badge>
                      ) : expiresWithin(lot.expiry, today, 30) ? (
                        <Badge color="orange" variant="light" c={warmText}>
                          {t('stock.expiresSoon')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{lot.onHand}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button size="xs" variant="light" color="red" aria-label={t('stock.writeOff.open', { name })} onClick={() => setAction({ kind: 'writeOff', lot })}>
                        {t('stock.writeOff.submit')}
                      </Button>
                      <Button size="xs" variant="light" aria-label={t('stock.count.open', { name })} onClick={() => setAction({ kind: 'count', lot })}>
                        {t('stock.count.button')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {action ? (
        <LotDialog
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            onChanged();
          }}
        />
      ) : null}
    </Paper>
  );
}

/** Write off (how many, why) or count (what is on the shelf) one lot. */
function LotDialog({ action, onClose, onDone }: { action: Action; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { lot } = action;
  const [quantity, setQuantity] = useState<number | string>(action.kind === 'count' ? lot.onHand : 1);
  const [reason, setReason] = useState<WriteOffReason | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = action.kind === 'writeOff' ? t('stock.writeOff.title') : t('stock.count.title');
  const submit = async () => {
    setFailure(null);
    setBusy(true);
    try {
      if (action.kind === 'writeOff') {
        await call('stock.writeOff', { lotId: lot.id, quantity: Number(quantity), reason: reason ?? ('' as WriteOffReason), note });
        notifySuccess(title, t('stock.writeOff.done'));
      } else {
        await call('stock.count', { lotId: lot.id, counted: Number(quantity), note });
        notifySuccess(title, t('stock.count.done'));
      }
      onDone();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog opened onClose={onClose} title={title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text fw={600}>{t('stock.lotName', { product: lot.productName, lot: lot.lot })}</Text>
          {action.kind === 'count' ? <Text size="sm">{t('stock.count.intro')}</Text> : null}
          <NumberInput
            label={action.kind === 'writeOff' ? t('stock.writeOff.quantity') : t('stock.count.counted')}
            min={action.kind === 'writeOff' ? 1 : 0}
            max={action.kind === 'writeOff' ? lot.onHand : undefined}
            allowDecimal={false}
            value={quantity}
            onChange={setQuantity}
            data-autofocus
          />
          {action.kind === 'writeOff' ? (
            <Select
              label={t('stock.writeOff.reason')}
              withAsterisk
              data={writeOffReasons.map((value) => ({ value, label: t(`stock.writeOff.reasons.${value}`) }))}
              value={reason}
              onChange={(value) => setReason(value as WriteOffReason | null)}
            />
          ) : null}
          <TextInput label={t('stock.writeOff.note')} value={note} maxLength={400} onChange={(event) => setNote(event.currentTarget.value)} />
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} color={action.kind === 'writeOff' ? 'red' : undefined}>
              {action.kind === 'writeOff' ? t('stock.writeOff.submit') : t('stock.count.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** The stock report (on hand, expiry warnings, use per month) saved as a CSV file; main audits it. */
async function saveReport() {
  const { csv } = await call('stock.report', {});
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `stock-report-${localIsoDate(new Date())}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
