import type { Database } from 'better-sqlite3-multiple-ciphers';
import { StoreError, storeMessages } from '../store-error';
import { foundation } from './001-foundation';
import { clients } from './002-clients';
import { consents } from './003-consents';
import { photos } from './004-photos';
import { retention } from './005-retention';
import { searchEmailWords } from './006-search-email-words';
import { auditStaffIndex } from './007-audit-staff-index';
import { declinedConsents } from './008-declined-consents';
import { sessionBasis } from './009-session-basis';
import { photoConsentAndClientTrail } from './010-photo-consent-and-client-trail';
import { searchLatinSpellings } from './011-search-latin-spellings';
import { auditAnchorMarkAndContentHash } from './012-audit-anchor-mark-and-content-hash';
import { photoFileRemovals } from './013-photo-file-removals';
import { courseProgressAndRecentClients } from './014-course-progress-and-recent-clients';
import { stockAndLots } from './015-stock-and-lots';
import { appointments } from './016-appointments';
import { clientSharingChoices } from './017-client-sharing-choices';
import type { Migration } from './migration';

/** Every schema step, in order. Append only: a shipped step is never edited. */
export const migrations: readonly Migration[] = [
  foundation,
  clients,
  consents,
  photos,
  retention,
  searchEmailWords,
  auditStaffIndex,
  declinedConsents,
  sessionBasis,
  photoConsentAndClientTrail,
  searchLatinSpellings,
  auditAnchorMarkAndContentHash,
  photoFileRemovals,
  courseProgressAndRecentClients,
  stockAndLots,
  appointments,
  clientSharingChoices,
];

export const latestSchemaVersion = migrations.length;

export function checkMigrationOrder(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
}

/**
 * Brings the schema up to date in one transaction: either every pending step lands, or none.
 * A store from a newer SkinLedger is refused untouched, never "repaired".
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): { from: number; to: number } {
  checkMigrationOrder(list);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > list.length) throw new StoreError('STORE_FROM_NEWER_VERSION', storeMessages.newerVersion);
  if (from === list.length) return { from, to: from };
  db.transaction(() => {
    for (const migration of list.slice(from)) {
      if (migration.sql) db.exec(migration.sql);
      migration.run?.(db);
    }
    db.pragma(`user_version = ${list.length}`);
  })();
  return { from, to: list.length };
}
