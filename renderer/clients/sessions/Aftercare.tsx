import { Button, Collapse, Group, List, Portal, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Aftercare.module.css';

export const aftercareKeys = ['redness', 'makeup', 'cleanse', 'actives', 'sun', 'sweat', 'picking', 'contact'] as const;

/**
 * The aftercare the client takes home (the clinic's template, from the domain notes), readable
 * here and printable as a one-page sheet through the window's print. Until the PDF feature lands,
 * printing is the browser's own print of a small print-only view.
 */
export function Aftercare({ clinicName, clientName }: { clinicName: string; clientName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="subtle" size="compact-md" rightSection={open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />} onClick={() => setOpen((value) => !value)} aria-expanded={open}>
          {open ? t('aftercare.hide') : t('aftercare.show')}
        </Button>
        <Button variant="subtle" size="compact-md" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('aftercare.print')}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <List size="sm" spacing={4} className={classes.list}>
          {aftercareKeys.map((key) => (
            <List.Item key={key}>{t(`aftercare.points.${key}`)}</List.Item>
          ))}
        </List>
      </Collapse>
      <Portal>
        <div className={classes.sheet} aria-hidden>
          <Text size="sm">{clinicName}</Text>
          <Title order={1} size="h2" mt="xs">
            {t('aftercare.sheetTitle')}
          </Title>
          <Text mt={4}>{t('aftercare.sheetFor', { name: clientName })}</Text>
          <Text mt="md">{t('aftercare.intro')}</Text>
          <List mt="md" spacing="xs">
            {aftercareKeys.map((key) => (
              <List.Item key={key}>{t(`aftercare.points.${key}`)}</List.Item>
            ))}
          </List>
        </div>
      </Portal>
    </Stack>
  );
}
