import { randomUUID } from 'node:crypto';
import type { CarriedForward } from '../../shared/screening/medical-history';
import { MedicalHistoryAnswers, questionNames, sameAnswer, unansweredQuestions } from '../../shared/screening/medical-history';
import { defaultScreeningSettings, hasStop, historyIncomplete, screen, type HistoryIncomplete, type ScreeningAlert } from '../../shared/screening/rules';
import { readStoredHistory, storeHistory, type StoredHistory } from '../../shared/screening/stored-history';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';

export interface MedicalHistoryEntry {
  id: string;
  clientId: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
  answers: MedicalHistoryAnswers;
  /** Answers carried forward from an earlier entry and confirmed with the client on the day. */
  carriedForward: StoredHistory['carriedForward'];
  /** Recorded on the earlier form, which saved a question left alone as "No". */
  legacyForm: boolean;
  /** Alerts as screened when the answers were recorded. */
  alerts: ScreeningAlert[];
}

export interface ScreeningOverride {
  id: string;
  medicalHistoryId: string;
  overriddenAt: string;
  overriddenBy: string;
  rules: string[];
  reason: string;
}

export interface ScreeningState {
  latest: MedicalHistoryEntry | null;
  /** Alerts of the latest answers, screened again today (time windows move). */
  alerts: ScreeningAlert[];
  /** The override that covers today's stops, if a practitioner recorded one for these answers. */
  override: ScreeningOverride | null;
  /** What screening cannot know: no history, or unanswered or declined answers a stop depends on. */
  incomplete: HistoryIncomplete | null;
  blocked: boolean;
}

interface EntryRow {
  id: string;
  client_id: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
  answers: string;
  alerts: string;
}

function toEntry(row: EntryRow): MedicalHistoryEntry {
  const stored = readStoredHistory(row.answers);
  return {
    id: row.id,
    clientId: row.client_id,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    answers: stored.answers,
    carriedForward: stored.carriedForward,
    legacyForm: stored.legacyForm,
    alerts: JSON.parse(row.alerts) as ScreeningAlert[],
  };
}

const entryQuery = `SELECT h.*, s.name AS recorded_by_name FROM medical_history h JOIN staff s ON s.id = h.recorded_by`;

/**
 * The medical history is a series of dated answer sets: a change is a new entry, the latest
 * counts, older ones stay readable. Screening runs on the latest answers as of today.
 */
export class MedicalHistoryService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Saves a new dated entry. Refused while any question has no answer ("client declined to
   * answer" is an answer); the refusal names every such question, field by field. Answers the
   * screen says were carried forward and confirmed must be the earlier entry's, unchanged.
   */
  record(by: string, clientId: string, answers: MedicalHistoryAnswers, confirmed: CarriedForward | null = null): MedicalHistoryEntry {
    const parsed = MedicalHistoryAnswers.parse(answers);
    const unanswered = unansweredQuestions(parsed);
    if (unanswered.length > 0) {
      throw new StoreError(
        'INVALID_INPUT',
        `${unanswered.length} ${unanswered.length === 1 ? 'question has' : 'questions have'} no answer: ${unanswered.map((key) => questionNames[key]).join('; ')}. Ask the client, or record "Client declined to answer".`,
        { fields: Object.fromEntries(unanswered.map((key) => [`answers.${key}`, 'Not answered yet: ask the client, or record that they declined to answer.'])) },
      );
    }
    const carriedForward = confirmed ? this.checkCarriedForward(clientId, parsed, confirmed) : null;
    const id = randomUUID();
    const alerts = screen(parsed, this.today(), defaultScreeningSettings);
    const declined = Object.values(parsed).filter((value) => value.answer === 'declined').length;
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO medical_history (id, client_id, recorded_at, recorded_by, answers, alerts) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, clientId, this.clock.now().toISOString(), by, storeHistory(parsed, carriedForward), JSON.stringify(alerts));
      this.audit.append({
        staffId: by,
        action: 'medical-history.create',
        entity: 'client',
        entityId: clientId,
        detail: `entry=${id} stops=${alerts.filter((a) => a.level === 'stop').length} cautions=${alerts.filter((a) => a.level === 'caution').length} declined=${declined} confirmed=${carriedForward?.questions.length ?? 0}`,
      });
    })();
    return this.entry(id);
  }

  private checkCarriedForward(clientId: string, answers: MedicalHistoryAnswers, confirmed: CarriedForward): NonNullable<StoredHistory['carriedForward']> {
    const previous = this.latest(clientId);
    if (!previous || previous.id !== confirmed.fromEntryId) {
      throw new StoreError('CONFLICT', 'The answers were confirmed against an entry that is no longer the latest. Open the medical history again and confirm the answers.');
    }
    const changed = confirmed.questions.filter((key) => !sameAnswer(answers[key], previous.answers[key]));
    if (changed.length > 0) {
      throw new StoreError('INVALID_INPUT', `Answers marked as confirmed differ from the earlier entry: ${changed.map((key) => questionNames[key]).join('; ')}.`);
    }
    return { fromEntryId: previous.id, fromRecordedAt: previous.recordedAt, questions: [...new Set(confirmed.questions)] };
  }

  entries(by: string, clientId: string): MedicalHistoryEntry[] {
    const entries = this.readEntries(clientId);
    this.audit.append({ staffId: by, action: 'medical-history.view', entity: 'client', entityId: clientId });
    return entries;
  }

  /** The same read without an audit row: for a caller that audits the larger read it is part of. */
  readEntries(clientId: string): MedicalHistoryEntry[] {
    const rows = this.db.prepare(`${entryQuery} WHERE h.client_id = ? ORDER BY h.recorded_at DESC, h.rowid DESC`).all(clientId) as EntryRow[];
    return rows.map(toEntry);
  }

  latest(clientId: string): MedicalHistoryEntry | null {
    const row = this.db.prepare(`${entryQuery} WHERE h.client_id = ? ORDER BY h.recorded_at DESC, h.rowid DESC LIMIT 1`).get(clientId) as EntryRow | undefined;
    return row ? toEntry(row) : null;
  }

  /** Today's screening for a client: what blocks a session and whether an override covers it. */
  screening(clientId: string): ScreeningState {
    const latest = this.latest(clientId);
    if (!latest) return { latest: null, alerts: screen(null, this.today()), override: null, incomplete: historyIncomplete(null), blocked: true };
    const alerts = screen(latest.answers, this.today(), defaultScreeningSettings);
    const stops = alerts.filter((a) => a.level === 'stop').map((a) => a.rule);
    const override = this.overrideFor(latest.id);
    // An override is a decision for one day's treatment, not a permanent waiver.
    const covered = override !== null && override.overriddenAt.slice(0, 10) === this.today() && stops.every((rule) => override.rules.includes(rule));
    return { latest, alerts, override, incomplete: historyIncomplete(latest.answers), blocked: hasStop(alerts) && !covered };
  }

  /**
   * A practitioner accepts today's stops for these answers (an incomplete history among them),
   * with a reason; audited. An override belongs to an answer set, so with no history at all the
   * history is recorded first (questions the client will not answer recorded as declined).
   */
  override(by: string, clientId: string, reason: string): ScreeningOverride {
    const state = this.screening(clientId);
    if (!state.latest) throw new StoreError('NOT_FOUND', 'Record a medical history before overriding its alerts.');
    const rules = state.alerts.filter((a) => a.level === 'stop').map((a) => a.rule);
    if (rules.length === 0) throw new StoreError('CONFLICT', 'There is no stop to override.');
    const id = randomUUID();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO screening_override (id, client_id, medical_history_id, overridden_at, overridden_by, rules, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, clientId, state.latest!.id, this.clock.now().toISOString(), by, JSON.stringify(rules), reason);
      this.audit.append({ staffId: by, action: 'screening.override', entity: 'client', entityId: clientId, detail: `rules=${rules.join(',')}` });
    })();
    return this.overrideFor(state.latest.id)!;
  }

  /** Every screening override ever recorded for a client, oldest first, with who gave it: for the record export. */
  overridesForClient(clientId: string): (ScreeningOverride & { overriddenByName: string })[] {
    const rows = this.db
      .prepare(
        `SELECT o.id, o.medical_history_id, o.overridden_at, o.overridden_by, s.name AS overridden_by_name, o.rules, o.reason
         FROM screening_override o JOIN staff s ON s.id = o.overridden_by WHERE o.client_id = ? ORDER BY o.overridden_at, o.rowid`,
      )
      .all(clientId) as { id: string; medical_history_id: string; overridden_at: string; overridden_by: string; overridden_by_name: string; rules: string; reason: string }[];
    return rows.map((row) => ({
      id: row.id,
      medicalHistoryId: row.medical_history_id,
      overriddenAt: row.overridden_at,
      overriddenBy: row.overridden_by,
      overriddenByName: row.overridden_by_name,
      rules: JSON.parse(row.rules) as string[],
      reason: row.reason,
    }));
  }

  private overrideFor(medicalHistoryId: string): ScreeningOverride | null {
    const row = this.db.prepare('SELECT * FROM screening_override WHERE medical_history_id = ? ORDER BY overridden_at DESC LIMIT 1').get(medicalHistoryId) as
      { id: string; medical_history_id: string; overridden_at: string; overridden_by: string; rules: string; reason: string } | undefined;
    if (!row) return null;
    return {
      id: row.id,
      medicalHistoryId: row.medical_history_id,
      overriddenAt: row.overridden_at,
      overriddenBy: row.overridden_by,
      rules: JSON.parse(row.rules) as string[],
      reason: row.reason,
    };
  }

  private entry(id: string): MedicalHistoryEntry {
    return toEntry(this.db.prepare(`${entryQuery} WHERE h.id = ?`).get(id) as EntryRow);
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}
