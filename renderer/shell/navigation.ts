import { createContext, useContext } from 'react';

export type Page =
  'home' | 'diary' | 'clients' | 'client' | 'clientForm' | 'medicalHistoryForm' | 'sessionForm' | 'photoCompare' | 'lotRecall' | 'stock' | 'auditTrail' | 'retention' | 'settings' | 'consentSigning';
export type SettingsTab = 'clinic' | 'diary' | 'staff' | 'depths' | 'snippets' | 'gpLetter' | 'email' | 'consentTemplates' | 'backups' | 'importExport' | 'retention' | 'password';
export type ProfileTab = 'overview' | 'history' | 'treatments' | 'consents' | 'photos';

export interface Place {
  page: Page;
  /** Which part of Settings to open; the page picks a default the role may see. */
  settingsTab?: SettingsTab;
  /** The client a profile, form or session belongs to (absent: a new client); the audit trail opens filtered to them. */
  clientId?: string;
  /** Which tab of a client's profile to open. */
  profileTab?: ProfileTab;
  /** The session being changed (absent: a new session); for a consent, the session it is signed for. */
  sessionId?: string;
  /** Photo comparison: the photos to open with (absent: first "before" vs latest of the same view). */
  firstPhotoId?: string;
  secondPhotoId?: string;
  /** The consent template a signing uses (its latest version). */
  templateId?: string;
  /**
   * A consent signed at the start of a new session (not yet saved): the aftercare sheet prints
   * with it, and staff go back to the session form when it is signed.
   */
  forNewSession?: boolean;
  /** A new session for this course (the diary's "arrived" opens it so). */
  courseId?: string;
}

export interface Navigation {
  place: Place;
  go(place: Place): void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation() outside the signed-in app');
  return navigation;
}

/** The navbar entry a page belongs to: a profile or a form for a client sits under Clients. */
export function sectionOf(page: Page): Page {
  switch (page) {
    case 'client':
    case 'clientForm':
    case 'medicalHistoryForm':
    case 'sessionForm':
    case 'photoCompare':
    case 'consentSigning':
      return 'clients';
    default:
      return page;
  }
}
