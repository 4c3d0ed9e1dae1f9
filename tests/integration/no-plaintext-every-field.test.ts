import { diaryDefaults } from '../../shared/diary/diary-settings';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../main/demo/seeded-random';
import type { ConsentTemplate } from '../../shared/consents/template';
import { microneedlingForm } from '../support/consent-forms';
import { answeredHistory } from '../support/medical-history';
import { syntheticFaceJpeg } from '../support/photo-fixtures';
import { findMarker } from '../support/temp-folder';
import { openTrustClinic, sessionRecordSample, type TrustClinic } from '../trust/support/trust-clinic';

/**
 * A clinic's words typed into every field that can hold them, through the same bridge the window
 * uses, then searched for byte by byte: in the data folder (database, WAL, key file, photo files)
 * and in every file the operating system's temp folder gained meanwhile (a photo decoder or a PDF
 * writer spilling to temp would show there). Each field gets its own marker, so a hit names it.
 */
const run = randomBytes(4).toString('hex');
const mark = (field: string) => `PLAIN${run}${field}`;
const fields = [
  'firstName',
  'lastName',
  'preferredName',
  'phone',
  'address',
  'emergencyContact',
  'gp',
  'referralSource',
  'clientNotes',
  'historyDetail',
  'overrideReason',
  'courseNotes',
  'sessionNotes',
  'noConsentReason',
  'amendmentReason',
  'consentAnswer',
  'witnessName',
  'photoNote',
  'snippet',
  'templateText',
  'clinicName',
  'bookingNote',
  'cancelReason',
  'roomName',
] as const;
type Field = (typeof fields)[number];
const m = Object.fromEntries(fields.map((field) => [field, mark(field)])) as Record<Field, string>;

let clinic: TrustClinic;
const started = Date.now();

async function ok<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
  const result = await clinic.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Files under the OS temp folder changed since the test began, outside other tests' stores. */
function newTempFiles(root: string, since: number, depth = 0): string[] {
  if (depth > 6) return [];
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    try {
      if (entry.isDirectory()) out.push(...newTempFiles(path, since, depth + 1));
      else if (entry.isFile()) {
        const stat = statSync(path);
        if (stat.mtimeMs >= since - 1000 && stat.size < 64 * 1024 * 1024) out.push(path);
      }
    } catch {
      // Another process's file came and went while we looked; it was not ours.
    }
  }
  return out;
}

function tempHits(marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  return newTempFiles(tmpdir(), started).filter((file) => {
    try {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    } catch {
      return false;
    }
  });
}

beforeAll(async () => {
  clinic = await openTrustClinic();
  const services = clinic.runtime.current().services;
  await ok('settings.update', { ...(await ok<Record<string, unknown>>('settings.get')), clinicName: m.clinicName });
  const client = await ok<{ id: string }>('clients.create', {
    fields: {
      firstName: m.firstName,
      lastName: m.lastName,
      preferredName: m.preferredName,
      dateOfBirth: '1985-03-02',
      phone: m.phone,
      address: m.address,
      emergencyContact: m.emergencyContact,
      gp: m.gp,
      referralSource: m.referralSource,
      notes: m.clientNotes,
    },
    allowDuplicate: false,
  });
  await ok('medicalHistory.record', { clientId: client.id, answers: answeredHistory({ pregnantOrBreastfeeding: { answer: 'yes', detail: m.historyDetail } }) });
  await ok('screening.override', { clientId: client.id, reason: m.overrideReason });
  const course = await ok<{ id: string }>('courses.create', {
    clientId: client.id,
    course: { indication: 'acne-scarring', plannedSessions: 3, intervalWeeks: 4, startedOn: '2026-11-01', notes: m.courseNotes },
  });
  const session = await ok<{ id: string }>('sessions.record', {
    clientId: client.id,
    courseId: course.id,
    record: sessionRecordSample(m.sessionNotes),
    depthsConfirmed: false,
    noConsentReason: m.noConsentReason,
  });
  await ok('diary.updateSettings', { ...diaryDefaults, rooms: [{ id: 'room-1', name: m.roomName }] });
  const booked = await ok<{ appointments: { id: string }[] }>('diary.book', {
    clientId: client.id,
    practitionerId: clinic.ids.staff.admin,
    roomId: 'room-1',
    start: '2026-12-01T10:00',
    minutes: 60,
    courseId: course.id,
    bookingNote: m.bookingNote,
    confirmWarnings: true,
  });
  await ok('diary.setStatus', { id: booked.appointments[0]!.id, status: 'cancelled', reason: m.cancelReason });
  // Two days later, so the change is an amendment with its reason kept (not a same-day edit).
  clinic.clock.advance(2 * 24 * 60 * 60 * 1000);
  await ok('sessions.change', { id: session.id, record: sessionRecordSample(`${m.sessionNotes} later`), reason: m.amendmentReason, depthsConfirmed: false });

  const form = await microneedlingForm(services, new SeededRandom(5), m.consentAnswer);
  form.signatures.witness = { ...form.signatures.witness!, name: m.witnessName };
  await ok('consents.sign', { clientId: client.id, sessionId: null, form });

  const photo = await syntheticFaceJpeg({ width: 640, height: 480, hue: 40, seed: 9 });
  await ok('photos.import', {
    clientId: client.id,
    labels: { view: 'front', stage: 'before', note: m.photoNote },
    files: [{ fileName: 'front.jpg', bytes: photo }],
  });

  await ok('noteSnippets.replace', { snippets: [{ code: 'after', text: m.snippet }] });
  const { content } = await ok<ConsentTemplate>('consentTemplates.get', { templateId: 'microneedling', version: null });
  const [first, ...rest] = content.sections;
  await ok('consentTemplates.publish', {
    template: { ...content, sections: [{ ...first!, title: `${first!.title} ${m.templateText}` }, ...rest] },
    change: 'minor',
  });
}, 120_000);

afterAll(() => clinic?.close());

describe('no plaintext on disk, for every field a clinic can type into', () => {
  it('each field was stored (the record reads back with the marker)', async () => {
    const db = clinic.runtime.current().services.db;
    // Read through SQLite (decrypted): proves the markers were written, so not finding them on
    // disk below means they are encrypted, not missing.
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
    const stored = new Set<string>();
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw(true).iterate() as IterableIterator<unknown[]>) {
        const text = row.map((v) => (Buffer.isBuffer(v) ? '' : String(v))).join('\u0001');
        for (const field of fields) if (text.includes(m[field])) stored.add(field);
      }
    }
    expect([...stored].sort()).toEqual([...fields].sort());
  });

  it('no marker is in any file under the data folder, while open and after closing', () => {
    const hits = (where: string) => fields.flatMap((field) => findMarker(where, m[field]).map((file) => `${field} in ${file}`));
    expect(hits(clinic.folder.path)).toEqual([]);
    clinic.runtime.signOut();
    expect(hits(clinic.folder.path)).toEqual([]);
  });

  it('no marker is in any file the OS temp folder gained during the test', () => {
    expect(fields.flatMap((field) => tempHits(m[field]).map((file) => `${field} in ${file}`))).toEqual([]);
  });

  it('the temp scan would find a marker if one were there (the check can fail)', async () => {
    const { writeFileSync, rmSync } = await import('node:fs');
    const leak = join(tmpdir(), `skinledger-leak-${run}.txt`);
    writeFileSync(leak, m.clientNotes);
    try {
      expect(tempHits(m.clientNotes)).toEqual([leak]);
    } finally {
      rmSync(leak, { force: true });
    }
  });
});
