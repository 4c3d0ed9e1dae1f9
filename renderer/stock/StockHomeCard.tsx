import { Anchor, Stack, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StockLot } from '../../shared/stock/stock';
import { expiryText } from '../clients/sessions/ExpiryField';
import { ErrorAlert } from '../errors/ErrorAlert';
import { HomeCard } from '../home/HomeCard';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { useNavigation } from '../shell/navigation';
import classes from '../home/HomeLists.module.css';
import { warmText } from '../clients/badge-colors';

/** Home's stock card: lots expiring within 30 days, expired lots still on the shelf, products below minimum. */
export function StockHomeCard() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const alerts = useBridgeQuery('stock.alerts', {});
  const data = alerts.data;
  const lotLine = (lot: StockLot) => t('stock.home.lotLine', { product: lot.productName, lot: lot.lot, expiry: lot.expiry ? expiryText(lot.expiry, dates) : '', count: lot.onHand });
  const list = (title: string, lines: { key: string; text: string }[], color: string) =>
    lines.length > 0 ? (
      <Stack gap={4}>
        <Text fw={600} size="sm" c={color}>
          {title}
        </Text>
        <Stack gap={2} component="ul" className={classes.list} aria-label={title}>
          {lines.map((line) => (
            <li key={line.key}>
              <Text size="sm">{line.text}</Text>
            </li>
          ))}
        </Stack>
      </Stack>
    ) : null;
  const clear = data && data.expired.length === 0 && data.expiringSoon.length === 0 && data.belowMinimum.length === 0;
  return (
    <HomeCard icon={<IconPackage size={22} stroke={1.6} />} title={t('stock.home.title')}>
      <ErrorAlert error={alerts.error} />
      {clear ? <Text c="dimmed">{t('stock.home.allClear')}</Text> : null}
      {data ? (
        <Stack gap="sm" style={{ flexGrow: 1 }}>
          {list(
            t('stock.home.expired'),
            data.expired.map((lot) => ({ key: lot.id, text: lotLine(lot) })),
            'red.8',
          )}
          {list(
            t('stock.home.expiringSoon', { days: data.days }),
            data.expiringSoon.map((lot) => ({ key: lot.id, text: lotLine(lot) })),
            warmText,
          )}
          {list(
            t('stock.home.belowMinimum'),
            data.belowMinimum.map((product) => ({ key: product.id, text: t('stock.home.productLine', { product: product.name, count: product.onHand, minimum: product.minimumOnHand ?? 0 }) })),
            'dark',
          )}
        </Stack>
      ) : null}
      <Anchor component="button" type="button" onClick={() => go({ page: 'stock' })} w="fit-content">
        {t('stock.home.open')}
      </Anchor>
    </HomeCard>
  );
}
