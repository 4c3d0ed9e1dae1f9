import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A quiet placeholder while the status is read or a screen's code loads; it shows no data. */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status">
      <Loader color="sage" />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
