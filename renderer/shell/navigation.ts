import { createContext, useContext } from 'react';

export type Page = 'home' | 'clients' | 'settings';
export type SettingsTab = 'clinic' | 'staff' | 'password';

export interface Place {
  page: Page;
  /** Which part of Settings to open; the page picks a default the role may see. */
  settingsTab?: SettingsTab;
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
