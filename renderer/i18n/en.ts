/**
 * English: every word the window shows, one file per feature in en/ put together here. Another
 * language is one more such set with the same keys.
 *
 * Plurals follow i18next (`_one`, `_other`; other languages add `_few`, `_many` as they need).
 *
 * `errors.<CODE>` texts replace the main side's message for that code. Codes left out here
 * (CONFLICT, NOT_FOUND, LAST_ADMIN, INVALID_INPUT, WRONG_PASSWORD and the data-folder errors) show
 * the main side's own message, which names the specific problem (which file, which name, which
 * password); a translation adds them to say the same in its language.
 */
import { areaNames } from '../../shared/clinical/areas';
import { about, app, brand, common, errors, forms, nav, roles, shell, shortcuts, spotlight, validation } from './en/app';
import { auditTrail } from './en/auditTrail';
import { backups } from './en/backups';
import { clientExport } from './en/clientExport';
import { clientForm, clients, concerns, courses, profile } from './en/clients';
import { consents } from './en/consents';
import { diary } from './en/diary';
import { copies } from './en/copies';
import { history, screening } from './en/history';
import { home } from './en/home';
import { photos } from './en/photos';
import { recall } from './en/recall';
import { rekey } from './en/rekey';
import { stock } from './en/stock';
import { clientImport, clinicExport } from './en/clientImport';
import { aftercare, checklist, sessionBasis, sessionForm, snippets, treatments } from './en/sessions';
import { depths, noteSnippets, settings, staff } from './en/settings';
import { lock, password, recovery, setup, signIn, storeError } from './en/signIn';

export const en = {
  sessionBasis,
  copies,
  app,
  about,
  brand,
  forms,
  common,
  shortcuts,
  roles,
  validation,
  errors,
  signIn,
  lock,
  setup,
  recovery,
  storeError,
  shell,
  nav,
  spotlight,
  home,
  clients,
  concerns,
  clientForm,
  profile,
  courses,
  screening,
  history,
  // One list of area names for screens, paper and spreadsheets.
  areas: areaNames,
  treatments,
  stock,
  sessionForm,
  checklist,
  aftercare,
  snippets,
  recall,
  depths,
  noteSnippets,
  settings,
  staff,
  password,
  consents,
  photos,
  auditTrail,
  clientExport,
  backups,
  rekey,
  clientImport,
  clinicExport,
  diary,
} as const;
