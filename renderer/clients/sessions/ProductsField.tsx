import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ExpiryField } from './ExpiryField';
import type { StockLot } from '../../../shared/stock/stock';
import type { SessionFormValues } from './session-form';
import { StockLotPicker, type PickedLot } from './StockLotPicker';

/** Serums and other products applied, each with its lot number (for a recall) and expiry as on the pack. */
export function ProductsField({
  control,
  register,
  errors,
  sessionDay,
  stockLots,
  onPick,
  onTyped,
}: {
  control: Control<SessionFormValues>;
  register: UseFormRegister<SessionFormValues>;
  errors: FieldErrors<SessionFormValues>;
  sessionDay: string | null;
  stockLots: readonly StockLot[];
  onPick: (where: `products.${number}`, lot: PickedLot | null) => void;
  onTyped: (where: `products.${number}`) => void;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'products' });
  const products = useWatch({ control, name: 'products' });
  return (
    <Stack gap="sm">
      {fields.length === 0 ? <Text c="dimmed">{t('sessionForm.noProducts')}</Text> : null}
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          <Stack key={field.id} gap={6} role="group" aria-label={t('sessionForm.productN', { number })}>
            <StockLotPicker
              label={t('stock.picker.product', { number })}
              lots={stockLots}
              cartridges={false}
              value={products?.[index]?.stockLotId ?? null}
              typedName={products?.[index]?.name ?? ''}
              sessionDay={sessionDay ?? new Date().toISOString().slice(0, 10)}
              onPick={(lot) => onPick(`products.${index}`, lot)}
            />
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                style={{ flex: 2 }}
                label={t('sessionForm.productName')}
                aria-label={t('sessionForm.productNameN', { number })}
                error={errors.products?.[index]?.name?.message}
                {...register(`products.${index}.name`, { onChange: () => onTyped(`products.${index}`) })}
              />
              <TextInput
                style={{ flex: 1.3 }}
                label={t('sessionForm.lot')}
                aria-label={t('sessionForm.productLotN', { number })}
                error={errors.products?.[index]?.lot?.message}
                {...register(`products.${index}.lot`, { onChange: () => onTyped(`products.${index}`) })}
              />
              <Controller
                control={control}
                name={`products.${index}.expiry`}
                render={({ field: input, fieldState }) => (
                  <ExpiryField
                    style={{ flex: 1.2 }}
                    sessionDay={sessionDay}
                    label={t('sessionForm.expiry')}
                    aria-label={t('sessionForm.productExpiryN', { number })}
                    value={input.value ?? null}
                    onChange={(value) => {
                      if (value !== input.value) onTyped(`products.${index}`);
                      input.onChange(value);
                    }}
                    onBlur={input.onBlur}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <ActionIcon variant="subtle" color="gray" size={42} mt={26} onClick={() => remove(index)} aria-label={t('sessionForm.removeProductN', { number })}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Stack>
        );
      })}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content" onClick={() => append({ name: '', lot: '', expiry: null, stockLotId: null })}>
        {t('sessionForm.addProduct')}
      </Button>
    </Stack>
  );
}
