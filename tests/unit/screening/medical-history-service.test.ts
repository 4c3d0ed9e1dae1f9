import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankMedicalHistory } from '../../../shared/screening/medical-history';
import { answeredHistory, declined, yes } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let clock: TestClock;
let clientId: string;
let by: string;

beforeEach(async () => {
  folder = tempFolder();
  clock = new TestClock(new Date('2026-11-25T09:00:00Z'));
  store = await createTestStore(folder.path, clock);
  by = store.admin.id;
  clientId = store.services.clients.create(by, { firstName: 'Zoë', lastName: 'Nguyễn' }).id;
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

describe('recording a medical history', () => {
  it('refuses a history with unanswered questions, naming each one at its field', () => {
    const answers = { ...answeredHistory(), diabetes: { answer: null, detail: '' }, lastChemicalPeel: { answer: null, date: null } };
    let refusal: unknown;
    try {
      store.services.medicalHistory.record(by, clientId, answers);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT', fields: { 'answers.diabetes': expect.any(String), 'answers.lastChemicalPeel': expect.any(String) } });
    expect((refusal as Error).message).toMatch(/2 questions have no answer: Diabetes; Last chemical peel/);
    expect(() => store.services.medicalHistory.record(by, clientId, blankMedicalHistory())).toThrow(/28 questions have no answer/);
    expect(store.services.medicalHistory.readEntries(clientId)).toEqual([]);
  });

  it('keeps "declined to answer" as such, and screening counts it as unknown', () => {
    const entry = store.services.medicalHistory.record(by, clientId, answeredHistory({ bleedingDisorder: declined() }));
    expect(store.services.medicalHistory.readEntries(clientId)[0]!.answers.bleedingDisorder).toEqual({ answer: 'declined', detail: '' });
    expect(entry.alerts.map((a) => a.rule)).toEqual(['history-incomplete']);
    const state = store.services.medicalHistory.screening(clientId);
    expect(state).toMatchObject({ blocked: true, incomplete: { noHistory: false, missing: [{ question: 'bleedingDisorder', state: 'declined' }] } });
  });

  it('stores which carried-forward answers were confirmed with the client on the day', () => {
    const first = store.services.medicalHistory.record(by, clientId, answeredHistory({ diabetes: yes('type 2') }));
    clock.advance(30 * 86_400_000);
    const update = store.services.medicalHistory.record(by, clientId, answeredHistory({ diabetes: yes('type 2'), sunburnInArea: yes('nose') }), {
      fromEntryId: first.id,
      questions: ['diabetes', 'pregnantOrBreastfeeding'],
    });
    expect(update.carriedForward).toEqual({ fromEntryId: first.id, fromRecordedAt: first.recordedAt, questions: ['diabetes', 'pregnantOrBreastfeeding'] });
    expect(store.services.medicalHistory.readEntries(clientId)[0]!.carriedForward?.questions).toEqual(['diabetes', 'pregnantOrBreastfeeding']);
  });

  it('refuses a "confirmed" answer that differs from the earlier one, or an earlier entry that is not the latest', () => {
    const first = store.services.medicalHistory.record(by, clientId, answeredHistory());
    expect(() => store.services.medicalHistory.record(by, clientId, answeredHistory({ diabetes: yes() }), { fromEntryId: first.id, questions: ['diabetes'] })).toThrow(
      /differ from the earlier entry: Diabetes/,
    );
    store.services.medicalHistory.record(by, clientId, answeredHistory());
    expect(() => store.services.medicalHistory.record(by, clientId, answeredHistory(), { fromEntryId: first.id, questions: ['diabetes'] })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('reads an entry stored by the earlier form as it was stored', () => {
    const old = { ...Object.fromEntries(Object.entries(answeredHistory()).map(([k]) => [k, { yes: false, detail: '' }])) } as Record<string, unknown>;
    Object.assign(old, {
      isotretinoinLastDose: null,
      cancerTreatment: 'none',
      lastToxinOrFillerInArea: null,
      lastChemicalPeel: null,
      lastLaserOrIpl: null,
      lastWaxingInArea: null,
      lastRetinoidOrExfoliant: null,
      currentMedications: '',
      allergies: '',
      otherConditions: '',
    });
    store.services.db
      .prepare('INSERT INTO medical_history (id, client_id, recorded_at, recorded_by, answers, alerts) VALUES (?, ?, ?, ?, ?, ?)')
      .run('old-1', clientId, '2025-01-01T09:00:00.000Z', by, JSON.stringify(old), '[]');
    const [entry] = store.services.medicalHistory.readEntries(clientId);
    expect(entry).toMatchObject({ legacyForm: true, carriedForward: null, answers: { diabetes: { answer: 'no' }, cancerTreatment: { answer: 'none' }, allergies: { answer: null } } });
    expect(store.services.medicalHistory.screening(clientId).blocked).toBe(false);
  });
});

describe('screening with an incomplete history', () => {
  it('no history at all blocks a session; the override needs a recorded history', () => {
    expect(store.services.medicalHistory.screening(clientId)).toMatchObject({ blocked: true, latest: null, incomplete: { noHistory: true }, alerts: [{ rule: 'history-incomplete' }] });
    expect(() => store.services.medicalHistory.override(by, clientId, 'Client in a hurry')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('an incomplete history blocks until a practitioner overrides it with a reason, audited, for that day', () => {
    store.services.medicalHistory.record(by, clientId, answeredHistory({ pregnantOrBreastfeeding: declined() }));
    expect(store.services.medicalHistory.screening(clientId).blocked).toBe(true);
    const override = store.services.medicalHistory.override(by, clientId, 'Client prefers not to say; treating the neck only');
    expect(override.rules).toEqual(['history-incomplete']);
    expect(store.services.medicalHistory.screening(clientId).blocked).toBe(false);
    expect(store.services.audit.recent(3).map((r) => [r.action, r.detail])).toContainEqual(['screening.override', 'rules=history-incomplete']);
    clock.advance(86_400_000);
    expect(store.services.medicalHistory.screening(clientId).blocked).toBe(true);
  });
});
