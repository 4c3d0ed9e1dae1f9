import { EmptyState, Paper } from '@mantine/core';
import { IconFileCertificate, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Consents and photos have their own issues; until they land the tab says so, with no made-up rows. */
export function ComingLaterTab({ kind }: { kind: 'consents' | 'photos' }) {
  const { t } = useTranslation();
  const Icon = kind === 'consents' ? IconFileCertificate : IconPhoto;
  return (
    <Paper withBorder p="xl" bg="white">
      <EmptyState
        size="lg"
        variant="light"
        color="sage"
        icon={<Icon size={40} stroke={1.5} aria-hidden />}
        title={t(`profile.later.${kind}Title`)}
        description={t(`profile.later.${kind}`)}
        py="xl"
      />
    </Paper>
  );
}
