import { z } from 'zod';
import { IsoDate } from '../dates';
import { PurgeReason, RetentionSettings } from '../retention/retention-rules';
import { adminsOnly, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

const Id = z.string().min(1).max(64);
const Empty = z.object({}).strict();
/** An action name as services write them: "client.view", "session.sign-in". */
const ActionName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'Choose an action from the list.')
  .max(60);

/**
 * What an admin narrows the trail to. Days are the clinic's calendar days, from and to both
 * included; the main side turns them into moments on this computer's clock (the clinic's).
 */
export const AuditFilters = z
  .object({
    staffId: Id.nullable(),
    clientId: Id.nullable(),
    actions: z.array(ActionName).max(50),
    fromDay: IsoDate.nullable(),
    toDay: IsoDate.nullable(),
  })
  .strict()
  .refine((f) => !f.fromDay || !f.toDay || f.fromDay <= f.toDay, { message: 'The first day is after the last.', path: ['toDay'] });
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditTrailRow = z.object({
  seq: z.number(),
  at: z.string(),
  staffId: z.string().nullable(),
  /** Null for rows written by no one (set-up, a failed sign-in by an unknown name). */
  staffName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Resolved for the admin: the client's or staff member's name; null when there is none. */
  entityName: z.string().nullable(),
  /** The row is about a client whose records were purged (only the tombstone is left). */
  purged: z.boolean(),
  detail: z.string(),
});
export type AuditTrailRow = z.infer<typeof AuditTrailRow>;

export const AuditVerificationView = z.object({
  ok: z.boolean(),
  rows: z.number(),
  tableRows: z.number(),
  firstBrokenSeq: z.number().nullable(),
  problem: z.enum(['changed', 'unlinked', 'missing', 'unexpected', 'truncated', 'rewritten']).nullable(),
  anchoredSeq: z.number().nullable(),
  summary: z.string(),
});
export type AuditVerificationView = z.infer<typeof AuditVerificationView>;

export const RetentionReportRow = z.object({
  clientId: z.string(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  archived: z.boolean(),
  /** The last session's day, or the day the record was made when there was no session. */
  lastTreatmentDay: z.string(),
  hadSessions: z.boolean(),
  keepUntil: z.string(),
  rule: z.enum(['adult', 'minor', 'no-birth-date']),
});
export type RetentionReportRow = z.infer<typeof RetentionReportRow>;

export const RetentionSettingsView = RetentionSettings.extend({
  /** False until an admin saves the setting: the country's defaults apply until then. */
  confirmed: z.boolean(),
});
export type RetentionSettingsView = z.infer<typeof RetentionSettingsView>;

/** The audit trail screen and retention/erasure. Admins only: the trail names who saw whom. */
export const auditChannels = {
  'auditTrail.filters': channel({
    input: z.object({ clientId: Id.nullable() }).strict(),
    output: z.object({
      staff: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
      actions: z.array(z.string()),
      /** The client the trail is opened for (from their profile), by name; null if none or purged. */
      client: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
    access: adminsOnly,
  }),
  'auditTrail.find': channel({
    input: z
      .object({
        filters: AuditFilters,
        limit: z.number().int().min(1).max(500),
        /**
         * Null for the first page (which records the look); then the answer's nextBeforeSeq, so a
         * page starts where the last one ended and rows written meanwhile never shift it.
         */
        beforeSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
      })
      .strict(),
    output: z.object({
      /** First page only (null after): how many rows match, or at least how many when totalAtLeast. */
      total: z.number().nullable(),
      totalAtLeast: z.boolean(),
      headSeq: z.number(),
      rows: z.array(AuditTrailRow),
      /** Where the next page starts; null when this page holds the oldest matching row. */
      nextBeforeSeq: z.number().nullable(),
    }),
    access: adminsOnly,
  }),
  'auditTrail.exportCsv': channel({
    input: z.object({ filters: AuditFilters }).strict(),
    output: z.object({ saved: z.boolean(), rows: z.number() }),
    access: adminsOnly,
  }),
  'auditTrail.verify': channel({ input: Empty, output: AuditVerificationView, access: adminsOnly }),

  'retention.settings.get': channel({ input: Empty, output: RetentionSettingsView, access: adminsOnly }),
  'retention.settings.update': channel({ input: RetentionSettings, output: RetentionSettingsView, access: adminsOnly }),
  'retention.report': channel({
    input: Empty,
    output: z.object({ today: z.string(), settings: RetentionSettingsView, clients: z.array(RetentionReportRow) }),
    access: adminsOnly,
  }),
  'retention.purge': channel({
    input: z
      .object({
        clientId: Id,
        reason: PurgeReason,
        /** Why, for the tombstone: no health details (the screen says so). */
        note: z.string().trim().min(5, 'Say why in a few words.').max(500),
        /** The client's full name as shown, typed by the admin. */
        confirmation: z.string().max(300),
      })
      .strict(),
    output: z.object({ purged: z.literal(true), clientId: z.string(), purgedAt: z.string(), rowsRemoved: z.number(), filesErased: z.boolean() }),
    access: adminsOnly,
  }),
} as const;
