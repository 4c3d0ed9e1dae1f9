import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import type { StockProduct } from '../../shared/stock/stock';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { localIsoDate } from '../clients/client-text';
import { ExpiryField } from '../clients/sessions/ExpiryField';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DateField } from '../forms/DateField';

interface Line {
  key: number;
  productId: string | null;
  lot: string;
  expiry: string | null;
  quantity: number | string;
}

let nextKey = 1;
const blankLine = (): Line => ({ key: nextKey++, productId: null, lot: '', expiry: null, quantity: 1 });

/** A delivery note typed in: one line per lot, the supplier and the day it came. Received in one go. */
export function ReceiveDeliveryTab({ products, onReceived }: { products: StockProduct[]; onReceived: () => void }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<Line[]>(() => [blankLine()]);
  const [supplier, setSupplier] = useState('');
  const [receivedOn, setReceivedOn] = useState<string | null>(localIsoDate(new Date()));
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (key: number, part: Partial<Line>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...part } : line)));
  const options = products.map((product) => ({ value: product.id, label: product.size ? `${product.name} (${product.size})` : product.name }));

  const submit = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const received = await call('stock.receive', {
        lines: lines.map((line) => ({
          productId: line.productId ?? '',
          lot: line.lot,
          expiry: line.expiry,
          quantity: Number(line.quantity),
          supplier,
          receivedOn: receivedOn ?? '',
        })),
      });
      notifySuccess(t('stock.tabs.receive'), t('stock.receive.done', { count: received.length }));
      setLines([blankLine()]);
      onReceived();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (products.length === 0) {
    return (
      <Paper withBorder p="lg" bg="white">
        <Text c="dimmed">{t('stock.receive.needProducts')}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="lg" bg="white">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('stock.receive.intro')}</Text>
          <Group grow align="flex-start">
            <TextInput label={t('stock.receive.supplier')} value={supplier} maxLength={120} onChange={(event) => setSupplier(event.currentTarget.value)} />
            <DateField label={t('stock.receive.receivedOn')} value={receivedOn} onChange={setReceivedOn} />
          </Group>
          {lines.map((line, index) => {
            const number = index + 1;
            return (
              <Group key={line.key} align="flex-start" gap="sm" wrap="nowrap" role="group" aria-label={t('stock.receive.line', { number })}>
                <Select
                  style={{ flex: 2 }}
                  label={t('stock.receive.productN', { number })}
                  data={options}
                  value={line.productId}
                  searchable
                  onChange={(productId) => change(line.key, { productId })}
                />
                <TextInput
                  style={{ flex: 1.3 }}
                  label={t('stock.receive.lotN', { number })}
                  value={line.lot}
                  maxLength={60}
                  onChange={(event) => change(line.key, { lot: event.currentTarget.value })}
                />
                <ExpiryField style={{ flex: 1.2 }} label={t('stock.receive.expiryN', { number })} sessionDay={null} value={line.expiry} onChange={(expiry) => change(line.key, { expiry })} />
                <NumberInput
                  style={{ flex: 0.8 }}
                  label={t('stock.receive.quantityN', { number })}
                  min={1}
                  allowDecimal={false}
                  value={line.quantity}
                  onChange={(quantity) => change(line.key, { quantity })}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size={42}
                  mt={26}
                  disabled={lines.length === 1}
                  onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}
                  aria-label={t('stock.receive.removeLineN', { number })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
          <ErrorAlert error={failure} />
          <Group justify="space-between">
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setLines((current) => [...current, blankLine()])}>
              {t('stock.receive.addLine')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('stock.receive.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
