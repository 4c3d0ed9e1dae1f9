import { Button, Group, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { BrandMark } from '../../brand/BrandMark';
import classes from './StaffFrame.module.css';

/**
 * The staff side of a signing (before client mode, the practitioner's review, the result): a
 * plain page with one way out, so nothing of the form is left behind by a stray click on the navbar.
 */
export function StaffFrame({ title, backLabel, onBack, children }: { title: string; backLabel: string | null; onBack: () => void; children: ReactNode }) {
  return (
    <div className={classes.frame}>
      <header className={classes.top}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <BrandMark size={28} tone="dark" />
            <Text fw={600} size="lg" truncate>
              {title}
            </Text>
          </Group>
          {backLabel ? (
            <Button variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={onBack}>
              {backLabel}
            </Button>
          ) : null}
        </Group>
      </header>
      <main className={classes.body}>{children}</main>
    </div>
  );
}
