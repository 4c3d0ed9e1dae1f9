import { Button, Collapse, Group, List, Stack } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aftercareSheet } from '../../../shared/clinical/aftercare';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import classes from './Aftercare.module.css';

/**
 * The aftercare the client takes home, readable here and printed as the same one-page PDF that
 * prints with a session consent. The points come from the one sheet main prints (English, as
 * every printed document is), so the screen and the paper never say different things.
 */
export function Aftercare({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const print = async () => {
    setPrinting(true);
    setFailure(null);
    try {
      const { printed } = await call('consents.printAftercare', { clientId });
      if (printed) notifySuccess(t('aftercare.printedTitle'), t('aftercare.printedMessage'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button
          variant="subtle"
          size="compact-md"
          rightSection={open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
          onClick={() => setOpen((value) => !value)}
          aria-expanded={open}
        >
          {open ? t('aftercare.hide') : t('aftercare.show')}
        </Button>
        <Button variant="subtle" size="compact-md" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => void print()} loading={printing}>
          {t('aftercare.print')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
      <Collapse expanded={open}>
        <List size="sm" spacing={4} className={classes.list}>
          {aftercareSheet.points.map((point) => (
            <List.Item key={point}>{point}</List.Item>
          ))}
        </List>
      </Collapse>
    </Stack>
  );
}
