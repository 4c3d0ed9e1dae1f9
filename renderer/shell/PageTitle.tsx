import { Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useScreenTitle } from '../app/useScreenTitle';

/**
 * Each page's h1. It takes focus when the page opens, so keyboard and screen-reader users start
 * at the top of the new page instead of on the link they left.
 */
export function PageTitle({ title, description }: { title: string; description?: ReactNode }) {
  useScreenTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div>
      <Title order={1} ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" mt={6} size="md">
          {description}
        </Text>
      ) : null}
    </div>
  );
}
