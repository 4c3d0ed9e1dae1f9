import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    // Screen readers pick their voice from <html lang>.
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  return (
    <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" limit={3} />
      {children}
    </MantineProvider>
  );
}
