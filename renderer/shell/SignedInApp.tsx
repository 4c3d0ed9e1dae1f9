import { AppShell } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { HomePage } from '../home/HomePage';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { CommandSpotlight } from './CommandSpotlight';
import { NavigationContext, type Navigation, type Place } from './navigation';
import { PageLoading } from './PageLoading';
import classes from './SignedInApp.module.css';

const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const DiaryPage = lazy(() => import('../diary/DiaryPage'));
const ClientsPage = lazy(() => import('../clients/list/ClientsPage'));
const ClientFormPage = lazy(() => import('../clients/form/ClientFormPage'));
const ClientProfilePage = lazy(() => import('../clients/profile/ClientProfilePage'));
const MedicalHistoryFormPage = lazy(() => import('../clients/history/MedicalHistoryFormPage'));
const SessionFormPage = lazy(() => import('../clients/sessions/SessionFormPage'));
const PhotoComparePage = lazy(() => import('../photos/compare/PhotoComparePage'));
const LotRecallPage = lazy(() => import('../clients/recall/LotRecallPage'));
const StockPage = lazy(() => import('../stock/StockPage'));
const AuditTrailPage = lazy(() => import('../audit-trail/AuditTrailPage'));
const RetentionReportPage = lazy(() => import('../retention/RetentionReportPage'));
const ConsentSigningPage = lazy(() => import('../consents/signing-page/ConsentSigningPage'));

function pageFor(place: Place) {
  switch (place.page) {
    case 'home':
      return <HomePage />;
    case 'diary':
      return <DiaryPage />;
    case 'clients':
      return <ClientsPage />;
    case 'clientForm':
      return <ClientFormPage key={place.clientId ?? 'new'} clientId={place.clientId ?? null} />;
    case 'client':
      return place.clientId ? <ClientProfilePage key={`${place.clientId}:${place.profileTab ?? ''}`} clientId={place.clientId} initialTab={place.profileTab} /> : null;
    case 'medicalHistoryForm':
      return place.clientId ? <MedicalHistoryFormPage key={place.clientId} clientId={place.clientId} /> : null;
    case 'sessionForm':
      return place.clientId ? <SessionFormPage key={`${place.clientId}:${place.sessionId ?? 'new'}`} clientId={place.clientId} sessionId={place.sessionId ?? null} courseId={place.courseId} /> : null;
    case 'photoCompare':
      return place.clientId ? (
        <PhotoComparePage
          key={`${place.clientId}:${place.firstPhotoId ?? ''}:${place.secondPhotoId ?? ''}`}
          clientId={place.clientId}
          firstPhotoId={place.firstPhotoId ?? null}
          secondPhotoId={place.secondPhotoId ?? null}
        />
      ) : null;
    case 'lotRecall':
      return <LotRecallPage />;
    case 'stock':
      return <StockPage />;
    case 'auditTrail':
      return <AuditTrailPage key={place.clientId ?? 'all'} clientId={place.clientId} />;
    case 'retention':
      return <RetentionReportPage />;
    case 'settings':
      return <SettingsPage key={place.settingsTab ?? 'default'} initialTab={place.settingsTab} />;
    case 'consentSigning':
      return null;
  }
}

/**
 * Everything behind the lock: header, navigation, the pages. Mounted only while signed in and
 * unlocked, so locking removes every record from the page rather than covering it. Each page is
 * its own chunk, loaded the first time it is opened.
 */
export default function SignedInApp() {
  const [place, setPlace] = useState<Place>({ page: 'home' });
  const go = useCallback((next: Place) => {
    setPlace(next);
    window.scrollTo(0, 0);
  }, []);
  const navigation = useMemo<Navigation>(() => ({ place, go }), [place, go]);

  // Signing a consent takes the whole window (client mode shows nothing of the app, and no
  // Ctrl+K search), so it is drawn without the header, the navbar and the command palette.
  if (place.page === 'consentSigning' && place.clientId && place.templateId) {
    return (
      <NavigationContext.Provider value={navigation}>
        <Suspense fallback={<PageLoading />}>
          <ConsentSigningPage
            key={`${place.clientId}:${place.templateId}`}
            clientId={place.clientId}
            templateId={place.templateId}
            sessionId={place.sessionId ?? null}
            forNewSession={place.forNewSession === true}
          />
        </Suspense>
      </NavigationContext.Provider>
    );
  }

  return (
    <NavigationContext.Provider value={navigation}>
      <AppShell header={{ height: 68 }} navbar={{ width: 240, breakpoint: 0 }} padding={0} className={classes.shell}>
        <AppHeader />
        <AppNavbar />
        <AppShell.Main className={classes.main}>
          <div className={classes.page}>
            <Suspense fallback={<PageLoading />}>{pageFor(place)}</Suspense>
          </div>
        </AppShell.Main>
      </AppShell>
      <CommandSpotlight />
    </NavigationContext.Provider>
  );
}
