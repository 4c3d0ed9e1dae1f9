import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What reception sees on the Photos tab: why there is nothing here for them. */
export function PhotosForCliniciansNote() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" bg="white">
      <Text>{t('photos.tab.reception')}</Text>
    </Paper>
  );
}
