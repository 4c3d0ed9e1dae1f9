import type { RetentionReportRow } from '../../shared/contract/audit-channels';
import { addYears, retentionEnds, type RetentionSettings } from '../../shared/retention/retention-rules';
import type { SqliteDatabase } from '../store/open-database';

interface FactsRow {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  archived: number;
  created_at: string;
  last_session: string | null;
}

/** A moment's calendar day on this computer's clock (the clinic's). */
export function localDay(iso: string | Date): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso;
  return `${String(at.getFullYear()).padStart(4, '0')}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/**
 * Every client with the day their retention ends: the last session's day, or the day the record
 * was made when there was no session, run through the clinic's rule.
 */
export function retentionOfClients(db: SqliteDatabase, settings: RetentionSettings, onlyClientId: string | null = null, lastTreatedBefore: string | null = null): RetentionReportRow[] {
  const where = onlyClientId ? 'WHERE c.id = @onlyClientId' : '';
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT c.id, c.first_name, c.last_name, c.date_of_birth, c.archived, c.created_at,
           (SELECT max(s.performed_at) FROM treatment_session s WHERE s.client_id = c.id) AS last_session
         FROM client c ${where}
       ) ${lastTreatedBefore ? 'WHERE coalesce(last_session, created_at) < @lastTreatedBefore' : ''}`,
    )
    .all({ ...(onlyClientId ? { onlyClientId } : {}), ...(lastTreatedBefore ? { lastTreatedBefore } : {}) }) as FactsRow[];
  return rows.map((row) => {
    const lastTreatmentDay = localDay(row.last_session ?? row.created_at);
    const decision = retentionEnds({ lastTreatmentDay, dateOfBirth: row.date_of_birth }, settings);
    return {
      clientId: row.id,
      name: `${row.first_name} ${row.last_name}`,
      dateOfBirth: row.date_of_birth,
      archived: row.archived === 1,
      lastTreatmentDay,
      hadSessions: row.last_session !== null,
      keepUntil: decision.keepUntil,
      rule: decision.rule,
    };
  });
}

/** Clients whose retention has ended by `today` (YYYY-MM-DD), the longest overdue first. */
export function clientsPastRetention(db: SqliteDatabase, settings: RetentionSettings, today: string): RetentionReportRow[] {
  // Every rule keeps a record at least the adult period after the last treatment, so only
  // clients last treated (or registered) before then are run through the rule; two days' margin
  // covers the clinic's time zone against the stored UTC times.
  const margin = new Date(`${addYears(today, -settings.adultYears)}T00:00:00Z`);
  margin.setUTCDate(margin.getUTCDate() + 2);
  return retentionOfClients(db, settings, null, margin.toISOString())
    .filter((row) => row.keepUntil <= today)
    .sort((a, b) => a.keepUntil.localeCompare(b.keepUntil) || a.name.localeCompare(b.name));
}
