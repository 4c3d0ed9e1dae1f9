import type { SqliteDatabase } from '../store/open-database';

/**
 * The one way signed consents and their withdrawals are ever deleted (the retention purge):
 * opens the purge gate, runs `purge`, and closes the gate, all inside one transaction,
 * so a committed database never holds an open gate. The triggers on `consent` and
 * `consent_withdrawal` refuse DELETE whenever the gate is closed.
 */
function withConsentPurgeGate<T>(db: SqliteDatabase, purge: () => T): T {
  return db.transaction(() => {
    db.prepare('UPDATE consent_purge_gate SET open = 1 WHERE id = 1').run();
    try {
      return purge();
    } finally {
      db.prepare('UPDATE consent_purge_gate SET open = 0 WHERE id = 1').run();
    }
  })();
}

/** Deletes every consent and withdrawal of one client, through the gate. Returns how many consents went. */
export function purgeClientConsents(db: SqliteDatabase, clientId: string): number {
  return withConsentPurgeGate(db, () => {
    db.prepare('DELETE FROM consent_withdrawal WHERE consent_id IN (SELECT id FROM consent WHERE client_id = ?)').run(clientId);
    return db.prepare('DELETE FROM consent WHERE client_id = ?').run(clientId).changes;
  });
}
