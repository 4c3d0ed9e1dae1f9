import { MantineProvider } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Someone who asked the computer for less motion gets notifications that appear and go at once.
  const reduceMotion = useReducedMotion();
  useEffect(() => {
    // Screen readers pick their voice from <html lang>.
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  return (
    <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" limit={3} transitionDuration={reduceMotion ? 0 : 250} />
      {children}
    </MantineProvider>
  );
}
