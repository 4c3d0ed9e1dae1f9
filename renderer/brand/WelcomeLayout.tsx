import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';
import classes from './WelcomeLayout.module.css';

/**
 * The frame for every screen shown before the records are open (set-up, sign-in, lock, store
 * error): the brand and a word of reassurance on the left, the one task on the right.
 */
export function WelcomeLayout({ clinicName, children, wide = false }: { clinicName?: string | null; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box className={classes.root}>
      <Box component="aside" className={classes.brand} aria-label={t('brand.panelLabel')}>
        <Stack gap="lg" className={classes.brandInner}>
          <Group gap="sm" wrap="nowrap">
            <BrandMark size={48} />
            <Text component="span" className={classes.wordmark}>
              {t('app.name')}
            </Text>
          </Group>
          {clinicName ? (
            <Title order={2} className={classes.clinic}>
              {clinicName}
            </Title>
          ) : null}
          <Text className={classes.tagline}>{t('brand.tagline')}</Text>
        </Stack>
        <Group gap="xs" className={classes.reassurance} wrap="nowrap">
          <IconLock size={18} aria-hidden className={classes.reassuranceIcon} />
          <Text size="sm" c="inherit">
            {t('brand.reassurance')}
          </Text>
        </Group>
      </Box>
      <Box component="main" className={classes.task}>
        <Paper withBorder shadow="xs" className={wide ? classes.taskInnerWide : classes.taskInner}>
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
