import type { Migration } from './migration';

/**
 * The audit trail kept two indexes by member of staff: (staff_id, at) from the first schema and
 * (staff_id, seq) added with the trail screen, which filters by staff newest first. Every
 * audited action (reads included) wrote a page of each; the first serves no query the second
 * does not serve better, so it goes, and every action's commit flushes one page less.
 */
export const auditStaffIndex: Migration = {
  version: 7,
  name: 'audit trail: one index by staff, not two',
  sql: `DROP INDEX audit_event_by_staff;`,
};
