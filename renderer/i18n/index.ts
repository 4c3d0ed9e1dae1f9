import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

export const defaultNS = 'translation';

/**
 * English now; a clinic abroad is served by adding one resource file and listing it here.
 * Initialised synchronously so the first screen never renders untranslated keys.
 */
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: navigator.language.startsWith('en') ? navigator.language : 'en',
  fallbackLng: 'en',
  supportedLngs: false,
  defaultNS,
  initAsync: false,
  // React escapes everything it renders; i18next escaping on top would show &amp; to staff.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
