import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { PageTitle } from '../shell/PageTitle';
import { CatalogueTab } from './CatalogueTab';
import { LotsOnHandTab } from './LotsOnHandTab';
import { ReceiveDeliveryTab } from './ReceiveDeliveryTab';

type StockTab = 'onHand' | 'receive' | 'catalogue';

/** The clinic's stock: lots on hand (write off, count), receiving a delivery, and the catalogue. */
export default function StockPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<StockTab>('onHand');
  const lots = useBridgeQuery('stock.lots', { onHandOnly: true });
  const products = useBridgeQuery('stock.products', { includeArchived: true });
  const reload = () => {
    void lots.reload();
    void products.reload();
  };
  return (
    <Stack gap="lg">
      <PageTitle title={t('stock.title')} description={t('stock.intro')} />
      <Tabs value={tab} onChange={(value) => setTab((value as StockTab | null) ?? 'onHand')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="onHand">{t('stock.tabs.onHand')}</Tabs.Tab>
          <Tabs.Tab value="receive">{t('stock.tabs.receive')}</Tabs.Tab>
          <Tabs.Tab value="catalogue">{t('stock.tabs.catalogue')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="onHand">
          <LotsOnHandTab lots={lots.data} error={lots.error} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="receive">
          <ReceiveDeliveryTab
            products={(products.data ?? []).filter((product) => !product.archived)}
            onReceived={() => {
              reload();
              setTab('onHand');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue">
          <CatalogueTab products={products.data} error={products.error} onChanged={reload} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
