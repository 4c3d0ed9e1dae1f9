import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { productCategories, type ProductCategory, type ProductInput, type StockProduct } from '../../shared/stock/stock';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';

const blank = (): ProductInput => ({ category: 'cartridge', name: '', maker: '', model: '', configuration: '', compatibleDevice: '', size: '', minimumOnHand: null });

/** The products the clinic stocks, with their minimum; archived (never deleted) when no longer used. */
export function CatalogueTab({ products, error, onChanged }: { products: StockProduct[] | null; error: BridgeError | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const shown = (products ?? []).filter((product) => showArchived || !product.archived);
  const archive = async (product: StockProduct) => {
    setFailure(null);
    try {
      await call('stock.setArchived', { id: product.id, archived: !product.archived });
      onChanged();
    } catch (failed) {
      setFailure(asBridgeError(failed));
    }
  };
  return (
    <Stack gap="lg">
      <ProductForm onAdded={onChanged} />
      <Paper withBorder p="lg" bg="white">
        <ErrorAlert error={error ?? failure} />
        <Group justify="flex-end" mb="sm">
          <Button variant="subtle" size="xs" onClick={() => setShowArchived((value) => !value)} aria-pressed={showArchived}>
            {t('stock.productForm.showArchived')}
          </Button>
        </Group>
        {products && shown.length === 0 ? <Text c="dimmed">{t('stock.noProducts')}</Text> : null}
        {shown.length > 0 ? (
          <Table striped aria-label={t('stock.tabs.catalogue')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stock.product')}</Table.Th>
                <Table.Th>{t('stock.productForm.category')}</Table.Th>
                <Table.Th>{t('stock.onHand')}</Table.Th>
                <Table.Th>{t('stock.minimum')}</Table.Th>
                <Table.Th>{t('stock.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((product) => (
                <Table.Tr key={product.id}>
                  <Table.Td>
                    <Text fw={600}>{product.name}</Text>
                    <Text size="xs" c="dimmed">
                      {[product.maker, product.model, product.configuration, product.compatibleDevice, product.size].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`stock.categories.${product.category}`)}</Table.Td>
                  <Table.Td>{product.onHand}</Table.Td>
                  <Table.Td>{product.minimumOnHand ?? t('stock.noMinimum')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {product.archived ? <Badge color="gray">{t('stock.archived')}</Badge> : null}
                      <Button size="xs" variant="subtle" onClick={() => void archive(product)}>
                        {product.archived ? t('stock.productForm.unarchive', { name: product.name }) : t('stock.productForm.archive', { name: product.name })}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
    </Stack>
  );
}

function ProductForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [product, setProduct] = useState<ProductInput>(blank);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (part: Partial<ProductInput>) => setProduct((current) => ({ ...current, ...part }));
  const text = (key: 'name' | 'maker' | 'model' | 'configuration' | 'compatibleDevice' | 'size', max: number) => (
    <TextInput label={t(`stock.productForm.${key}`)} value={product[key]} maxLength={max} withAsterisk={key === 'name'} onChange={(event) => set({ [key]: event.currentTarget.value })} />
  );
  const submit = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const added = await call('stock.addProduct', { product });
      notifySuccess(t('stock.productForm.add'), t('stock.productForm.added', { name: added.name }));
      setProduct(blank());
      onAdded();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };
  const cartridge = product.category === 'cartridge';
  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-label={t('stock.productForm.add')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="md">
            <Select
              label={t('stock.productForm.category')}
              data={productCategories.map((value) => ({ value, label: t(`stock.categories.${value}`) }))}
              value={product.category}
              allowDeselect={false}
              onChange={(value) => set({ category: (value ?? 'cartridge') as ProductCategory })}
            />
            {text('name', 120)}
            {text('maker', 80)}
            {cartridge ? text('model', 80) : text('size', 40)}
            {cartridge ? text('configuration', 80) : null}
            {cartridge ? text('compatibleDevice', 80) : null}
            <NumberInput
              label={t('stock.productForm.minimum')}
              description={t('stock.productForm.minimumHint')}
              min={0}
              allowDecimal={false}
              value={product.minimumOnHand ?? ''}
              onChange={(value) => set({ minimumOnHand: value === '' ? null : Number(value) })}
            />
          </SimpleGrid>
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('stock.productForm.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
