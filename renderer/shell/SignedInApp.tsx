import { AppShell } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ClientsPage } from '../clients/ClientsPage';
import { HomePage } from '../home/HomePage';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { CommandSpotlight } from './CommandSpotlight';
import { NavigationContext, type Navigation, type Place } from './navigation';
import { PageLoading } from './PageLoading';
import classes from './SignedInApp.module.css';

const SettingsPage = lazy(() => import('../settings/SettingsPage'));

/**
 * Everything behind the lock: header, navigation, the pages. Mounted only while signed in and
 * unlocked, so locking removes every record from the page rather than covering it.
 */
export default function SignedInApp() {
  const [place, setPlace] = useState<Place>({ page: 'home' });
  const navigation = useMemo<Navigation>(() => ({ place, go: setPlace }), [place]);

  return (
    <NavigationContext.Provider value={navigation}>
      <AppShell header={{ height: 68 }} navbar={{ width: 240, breakpoint: 0 }} padding={0} className={classes.shell}>
        <AppHeader />
        <AppNavbar />
        <AppShell.Main className={classes.main}>
          <div className={classes.page}>
            {place.page === 'home' ? <HomePage /> : null}
            {place.page === 'clients' ? <ClientsPage /> : null}
            {place.page === 'settings' ? (
              <Suspense fallback={<PageLoading />}>
                <SettingsPage key={place.settingsTab ?? 'default'} initialTab={place.settingsTab} />
              </Suspense>
            ) : null}
          </div>
        </AppShell.Main>
      </AppShell>
      <CommandSpotlight />
    </NavigationContext.Provider>
  );
}
