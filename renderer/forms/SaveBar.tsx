import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './SaveBar.module.css';

export function SaveBar({ children }: { children: ReactNode }) {
  return (
    <Group justify="flex-end" className={classes.saveBar}>
      {children}
    </Group>
  );
}
