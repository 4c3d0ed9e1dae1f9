import { randomUUID } from 'node:crypto';
import { depthNeedsConfirmation, type AreaDepth, type TreatmentArea } from '../../shared/clinical/areas';
import { judgeChange, judgeSession, SessionBasis, type ConsentStanding, type SessionRefusal } from '../../shared/clinical/exceptions';
import { SessionRecord, type SessionRecordInput } from '../../shared/clinical/session';
import { foldLot } from '../../shared/stock/lot-number';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { MedicalHistoryService } from '../medical-history/medical-history-service';
import type { StockService } from '../stock/stock-service';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';

export interface TreatmentSession {
  id: string;
  clientId: string;
  courseId: string | null;
  practitionerId: string;
  practitionerName: string;
  record: SessionRecord;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
  basis: SessionBasis | null;
  amendments: SessionAmendment[];
}

export interface SessionAmendment {
  id: string;
  amendedAt: string;
  amendedBy: string;
  amendedByName: string;
  reason: string;
  previous: SessionRecord;
}

export interface LotUse {
  sessionId: string;
  performedAt: string;
  clientId: string;
  clientName: string;
  dateOfBirth: string | null;
  phone: string;
  email: string;
  address: string;
  practitionerName: string;
  kind: 'cartridge' | 'product';
  product: string;
  lot: string;
  expiry: string | null;
}

export interface RecordOptions {
  /** The practitioner confirmed depths above an area's maximum. */
  depthsConfirmed?: boolean;
  /** Why the session goes ahead without a valid treatment consent on its day (audited). */
  noConsentReason?: string | null;
  /** Why an expired cartridge or product was used (audited). */
  expiredLotReason?: string | null;
}

/** What main says when the gate refuses, first refusal first: the screen shows the override it needs. */
const refusalText: Record<SessionRefusal, { code: 'NEEDS_OVERRIDE' | 'NEEDS_CONFIRMATION'; message: string }> = {
  'screening-stop': {
    code: 'NEEDS_OVERRIDE',
    message: 'The medical history has a stop for this client. A practitioner must record an override with a reason before treating.',
  },
  'no-consent': {
    code: 'NEEDS_OVERRIDE',
    message: 'There is no valid treatment consent for the session date. Sign the consent first, or record an override with a reason.',
  },
  'expired-lot': {
    code: 'NEEDS_OVERRIDE',
    message: 'A cartridge or product had expired on the session date. Record the reason for using it, or change the lot.',
  },
  'depth-unconfirmed': { code: 'NEEDS_CONFIRMATION', message: "A depth is above the clinic's maximum for that area. Confirm it to save." },
};

interface SessionRow {
  id: string;
  client_id: string;
  course_id: string | null;
  practitioner_id: string;
  practitioner_name: string;
  record: string;
  created_at: string;
  updated_at: string;
  updated_by_name: string | null;
  basis: string | null;
}

const sessionQuery = `SELECT t.*, s.name AS practitioner_name, u.name AS updated_by_name
  FROM treatment_session t JOIN staff s ON s.id = t.practitioner_id LEFT JOIN staff u ON u.id = t.updated_by`;

/** The treatment consent as the consent service judges it for a client (state, signed form, validity). */
export type ConsentStandingLookup = (clientId: string) => ConsentStanding;

/**
 * Treatment sessions. A session is editable on the day it was recorded; after that a change is an
 * amendment that keeps the previous record, who changed it, when and why.
 */
export class SessionService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly medicalHistory: MedicalHistoryService,
    private readonly consentStanding: ConsentStandingLookup,
    /** Takes picked catalogue lots off the shelf in the session's transaction. */
    private readonly stock: Pick<StockService, 'useForSession'> | null = null,
  ) {}

  record(by: string, clientId: string, courseId: string | null, input: SessionRecordInput, options: RecordOptions = {}): TreatmentSession {
    const record = SessionRecord.parse(input);
    if (courseId) this.assertCourseOf(clientId, courseId);
    const now = this.clock.now().toISOString();
    const screening = this.medicalHistory.screening(clientId);
    const byName = this.staffName(by);
    const judged = judgeSession(
      {
        sessionDay: record.performedAt.slice(0, 10),
        today: now.slice(0, 10),
        consent: this.consentStanding(clientId),
        screening: {
          blocked: screening.blocked,
          override: screening.override ? { ...screening.override, overriddenByName: this.staffName(screening.override.overriddenBy) } : null,
          alerts: screening.alerts,
        },
        record,
        depths: this.areaDepths(),
      },
      { noConsentReason: options.noConsentReason ?? null, expiredLotReason: options.expiredLotReason ?? null, depthsConfirmed: options.depthsConfirmed ?? false },
      { by, byName, at: now },
    );
    if (!judged.ok) {
      const refusal = refusalText[judged.refusals[0]!];
      throw new StoreError(refusal.code, refusal.message);
    }
    const { basis } = judged;
    const id = randomUUID();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO treatment_session (id, client_id, course_id, performed_at, practitioner_id, record, created_at, updated_at, basis)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, clientId, courseId, record.performedAt, by, JSON.stringify(record), now, now, JSON.stringify(basis));
      this.writeLots(id, record);
      this.stock?.useForSession(by, id, record, now);
      this.audit.append({
        staffId: by,
        action: 'session.create',
        entity: 'client',
        entityId: clientId,
        detail: `session=${id} areas=${record.areas.length}${basis.consent ? ` consent=${basis.consent.id} v${basis.consent.version.major}.${basis.consent.version.minor}` : ''}${options.depthsConfirmed ? ' depths-confirmed' : ''}`,
      });
      this.auditExceptions(by, clientId, id, basis, null);
    })();
    // What was just written, without reading it back and parsing it again: a new session has no
    // amendments, and only the practitioner's name is not already at hand.
    return { id, clientId, courseId, practitionerId: by, practitionerName: byName, record, createdAt: now, updatedAt: now, updatedByName: null, basis, amendments: [] };
  }

  /** Same day: changed in place. Later: an amendment with a reason, keeping what was there. */
  change(by: string, id: string, input: SessionRecordInput, reason: string | null, options: RecordOptions = {}): TreatmentSession {
    const current = this.get(id);
    const record = SessionRecord.parse(input);
    const now = this.clock.now().toISOString();
    const sameDay = current.createdAt.slice(0, 10) === now.slice(0, 10);
    if (!sameDay && !reason?.trim()) {
      throw new StoreError('NEEDS_CONFIRMATION', 'This session was recorded on an earlier day. Give a reason: the change is kept as an amendment beside the original.');
    }
    // A session from before bases were kept keeps "not recorded" for its consent; its depths and lots are judged like any change.
    const previous = current.basis ?? { consent: null, exceptions: [] };
    const judged = judgeChange(
      previous,
      { sessionDay: record.performedAt.slice(0, 10), record, depths: this.areaDepths() },
      { expiredLotReason: options.expiredLotReason ?? null, depthsConfirmed: options.depthsConfirmed ?? false },
      { by, byName: this.staffName(by), at: now },
    );
    if (!judged.ok) {
      const refusal = refusalText[judged.refusals[0]!];
      throw new StoreError(refusal.code, refusal.message);
    }
    const basis = current.basis ? judged.basis : judged.basis.exceptions.length > 0 ? judged.basis : null;
    this.db.transaction(() => {
      if (!sameDay) {
        this.db
          .prepare('INSERT INTO session_amendment (id, session_id, amended_at, amended_by, reason, previous_record) VALUES (?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), id, now, by, reason!.trim(), JSON.stringify(current.record));
      }
      this.db
        .prepare('UPDATE treatment_session SET record = ?, performed_at = ?, updated_at = ?, basis = ?, updated_by = CASE WHEN ? THEN ? ELSE updated_by END WHERE id = ?')
        .run(JSON.stringify(record), record.performedAt, now, basis ? JSON.stringify(basis) : null, sameDay ? 1 : 0, by, id);
      this.db.prepare('DELETE FROM session_lot WHERE session_id = ?').run(id);
      this.writeLots(id, record);
      this.stock?.useForSession(by, id, record, now);
      this.audit.append({ staffId: by, action: sameDay ? 'session.update' : 'session.amend', entity: 'client', entityId: current.clientId, detail: `session=${id}` });
      if (basis) this.auditExceptions(by, current.clientId, id, basis, previous);
    })();
    return this.get(id);
  }

  get(id: string): TreatmentSession {
    const row = this.db.prepare(`${sessionQuery} WHERE t.id = ?`).get(id) as SessionRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That session does not exist.');
    return this.toSession(row);
  }

  /** A client's sessions, newest first; reading treatment notes is audited. */
  forClient(by: string, clientId: string): TreatmentSession[] {
    const sessions = this.readForClient(clientId);
    this.audit.append({ staffId: by, action: 'session.view', entity: 'client', entityId: clientId, detail: `sessions=${sessions.length}` });
    return sessions;
  }

  /** The same read without an audit row: for a caller that audits the larger read it is part of. */
  readForClient(clientId: string): TreatmentSession[] {
    const rows = this.db.prepare(`${sessionQuery} WHERE t.client_id = ? ORDER BY t.performed_at DESC`).all(clientId) as SessionRow[];
    return rows.map((row) => this.toSession(row));
  }

  /** Recall: every session that used a lot (cartridge or product), exact lot match, case-insensitive. */
  findByLot(by: string, lot: string): LotUse[] {
    const rows = this.db
      .prepare(
        `SELECT l.session_id, t.performed_at, t.client_id, c.first_name || ' ' || c.last_name AS client_name, c.date_of_birth,
                c.phone, c.email, c.address, s.name AS practitioner_name, l.kind, l.name, l.lot, l.expiry
         FROM session_lot l JOIN treatment_session t ON t.id = l.session_id JOIN client c ON c.id = t.client_id JOIN staff s ON s.id = t.practitioner_id
         WHERE l.lot_folded = ? ORDER BY t.performed_at`,
      )
      .all(foldLot(lot)) as {
      session_id: string;
      performed_at: string;
      client_id: string;
      client_name: string;
      date_of_birth: string | null;
      phone: string;
      email: string;
      address: string;
      practitioner_name: string;
      kind: 'cartridge' | 'product';
      name: string;
      lot: string;
      expiry: string | null;
    }[];
    this.audit.append({ staffId: by, action: 'lot.search', entity: 'lot', entityId: lot.slice(0, 60), detail: `sessions=${rows.length}` });
    return rows.map((r) => ({
      sessionId: r.session_id,
      performedAt: r.performed_at,
      clientId: r.client_id,
      clientName: r.client_name,
      dateOfBirth: r.date_of_birth,
      phone: r.phone,
      email: r.email,
      address: r.address,
      practitionerName: r.practitioner_name,
      kind: r.kind,
      product: r.name,
      lot: r.lot,
      expiry: r.expiry,
    }));
  }

  /** A recall list left the app as a file: who took contact details for which lot, and how many sessions. */
  recordRecallExport(by: string, lot: string, rows: number): void {
    this.audit.append({ staffId: by, action: 'lot.recall-export', entity: 'lot', entityId: lot.slice(0, 60), detail: `sessions=${rows}` });
  }

  areaDepths(): AreaDepth[] {
    return (this.db.prepare('SELECT area, typical_mm, max_mm FROM area_depth ORDER BY rowid').all() as { area: TreatmentArea; typical_mm: number; max_mm: number }[]).map((r) => ({
      area: r.area,
      typicalMm: r.typical_mm,
      maxMm: r.max_mm,
    }));
  }

  setAreaDepth(by: string, depth: AreaDepth): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO area_depth (area, typical_mm, max_mm) VALUES (?, ?, ?) ON CONFLICT (area) DO UPDATE SET typical_mm = excluded.typical_mm, max_mm = excluded.max_mm')
        .run(depth.area, depth.typicalMm, depth.maxMm);
      this.audit.append({ staffId: by, action: 'settings.area-depth', entity: 'settings', entityId: depth.area, detail: `typical=${depth.typicalMm} max=${depth.maxMm}` });
    })();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM treatment_session').get() as { n: number }).n;
  }

  /** Areas whose depth is above the clinic's maximum for that area. */
  deepAreas(record: Pick<SessionRecord, 'areas'>): TreatmentArea[] {
    const depths = new Map(this.areaDepths().map((d) => [d.area, d]));
    return record.areas.filter((a) => depthNeedsConfirmation(a.depthMm, depths.get(a.area))).map((a) => a.area);
  }

  /** Each override taken on a session is its own audit row, so the trail lists them beside the session. */
  private auditExceptions(by: string, clientId: string, sessionId: string, basis: SessionBasis, previous: SessionBasis | null): void {
    for (const exception of basis.exceptions) {
      if (previous?.exceptions.some((old) => JSON.stringify(old) === JSON.stringify(exception))) continue;
      if (exception.kind === 'no-consent') {
        this.audit.append({ staffId: by, action: 'session.override-consent', entity: 'client', entityId: clientId, detail: `session=${sessionId} consent=${exception.consentState}` });
      } else if (exception.kind === 'expired-lot') {
        this.audit.append({
          staffId: by,
          action: 'session.override-expired-lot',
          entity: 'client',
          entityId: clientId,
          detail: `session=${sessionId} ${exception.lotKind} lot=${exception.lot.slice(0, 60)} expiry=${exception.expiry}`,
        });
      }
    }
  }

  private staffName(id: string): string {
    return (this.db.prepare('SELECT name FROM staff WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
  }

  private assertCourseOf(clientId: string, courseId: string): void {
    const row = this.db.prepare('SELECT client_id FROM course WHERE id = ?').get(courseId) as { client_id: string } | undefined;
    if (!row || row.client_id !== clientId) throw new StoreError('NOT_FOUND', 'That course does not belong to this client.');
  }

  private writeLots(sessionId: string, record: SessionRecord): void {
    const insert = this.db.prepare('INSERT INTO session_lot (session_id, kind, name, lot, lot_folded, expiry, stock_lot_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    if (record.cartridge) insert.run(sessionId, 'cartridge', record.cartridge.name, record.cartridge.lot, foldLot(record.cartridge.lot), record.cartridge.expiry, record.cartridge.stockLotId);
    for (const product of record.products) insert.run(sessionId, 'product', product.name, product.lot, foldLot(product.lot), product.expiry, product.stockLotId);
  }

  private toSession(row: SessionRow): TreatmentSession {
    const amendments = this.db
      .prepare(`SELECT a.*, s.name AS amended_by_name FROM session_amendment a JOIN staff s ON s.id = a.amended_by WHERE a.session_id = ? ORDER BY a.amended_at`)
      .all(row.id) as { id: string; amended_at: string; amended_by: string; amended_by_name: string; reason: string; previous_record: string }[];
    return {
      id: row.id,
      clientId: row.client_id,
      courseId: row.course_id,
      practitionerId: row.practitioner_id,
      practitionerName: row.practitioner_name,
      record: SessionRecord.parse(JSON.parse(row.record)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      updatedByName: row.updated_by_name,
      basis: row.basis ? SessionBasis.parse(JSON.parse(row.basis)) : null,
      amendments: amendments.map((a) => ({
        id: a.id,
        amendedAt: a.amended_at,
        amendedBy: a.amended_by,
        amendedByName: a.amended_by_name,
        reason: a.reason,
        previous: SessionRecord.parse(JSON.parse(a.previous_record)),
      })),
    };
  }
}
