import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TreatmentArea } from '../../../shared/clinical/areas';
import { Dialog } from '../../app/Dialog';

export interface DeepArea {
  area: TreatmentArea;
  depthMm: number;
  maxMm: number | null;
}

/** Depths above the clinic's maximum are the practitioner's call, confirmed on purpose, never blocked. */
export function DepthConfirmDialog({
  areas,
  message,
  onCancel,
  onConfirm,
  saving,
}: {
  areas: DeepArea[] | null;
  message: string | null;
  onCancel: () => void;
  onConfirm: () => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Dialog opened={areas !== null} onClose={onCancel} title={t('sessionForm.deep.title')}>
      <Stack gap="lg">
        <Text>{t('sessionForm.deep.intro')}</Text>
        {areas && areas.length > 0 ? (
          <List spacing={4}>
            {areas.map((area) => (
              <List.Item key={area.area}>{t('sessionForm.deep.line', { area: t(`areas.${area.area}`), depth: area.depthMm, max: area.maxMm ?? 1.5 })}</List.Item>
            ))}
          </List>
        ) : message ? (
          <Text>{message}</Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('sessionForm.deep.note')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('sessionForm.deep.change')}
          </Button>
          <Button color="orange.9" onClick={onConfirm} loading={saving}>
            {t('sessionForm.deep.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
