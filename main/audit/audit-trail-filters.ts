import type { AuditFilters } from '../../shared/contract/audit-channels';

/** A WHERE clause over audit_event (aliased e) and its named parameters. */
export interface AuditWhere {
  sql: string;
  params: Record<string, string | number>;
}

/** Midnight at the start of a calendar day on this computer's clock, as stored ISO text compares. */
function localMidnight(isoDay: string, addDays = 0): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/**
 * The filters as SQL. Days are the clinic's calendar days (this computer's time zone), both ends
 * included; `at` is ISO-8601 UTC text, so it compares as text. Every value is a bound parameter.
 */
export function auditWhere(filters: AuditFilters, upToSeq: number | null = null): AuditWhere {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filters.staffId) {
    clauses.push('e.staff_id = @staffId');
    params.staffId = filters.staffId;
  }
  if (filters.clientId) {
    // The client's own rows, and those about their consents and photos (linked as they are written).
    clauses.push(`((e.entity = 'client' AND e.entity_id = @clientId) OR e.seq IN (SELECT seq FROM audit_client_link WHERE client_id = @clientId))`);
    params.clientId = filters.clientId;
  }
  const actions = [...new Set(filters.actions)];
  if (actions.length > 0) {
    clauses.push(`e.action IN (${actions.map((_, i) => `@action${i}`).join(', ')})`);
    actions.forEach((action, i) => (params[`action${i}`] = action));
  }
  if (filters.fromDay) {
    clauses.push('e.at >= @from');
    params.from = localMidnight(filters.fromDay);
  }
  if (filters.toDay) {
    clauses.push('e.at < @to');
    params.to = localMidnight(filters.toDay, 1);
  }
  if (upToSeq !== null) {
    clauses.push('e.seq <= @upToSeq');
    params.upToSeq = upToSeq;
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** True when any filter narrows the trail. */
export function hasFilters(filters: AuditFilters): boolean {
  return Boolean(filters.staffId || filters.clientId || filters.actions.length > 0 || filters.fromDay || filters.toDay);
}

/** The filters for the audit row that records the look: ids and days only, never names. */
export function describeFilters(filters: AuditFilters): string {
  const parts = [
    filters.staffId ? `staff=${filters.staffId}` : null,
    filters.actions.length > 0 ? `actions=${[...new Set(filters.actions)].join('|')}` : null,
    filters.fromDay ? `from=${filters.fromDay}` : null,
    filters.toDay ? `to=${filters.toDay}` : null,
  ].filter((part): part is string => part !== null);
  return (parts.join(' ') || 'all').slice(0, 400);
}
