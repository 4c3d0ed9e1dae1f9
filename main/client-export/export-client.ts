import { appointmentRows } from './appointment-rows';
import { clientFullName } from '../../shared/clients/client';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActionInWords } from '../../shared/audit/audit-action-words';
import { csvFile, csvRecords } from '../../shared/csv';
import type { Services } from '../app';
import { StoreError } from '../store/store-error';
import { renderExportIndexPdf, type IndexEntry } from './export-index-pdf';
import {
  amendmentRows,
  clinicDay,
  clinicLocalDay,
  clinicLocalTime,
  consentRows,
  consentStatusWords,
  courseRows,
  historyRows,
  overrideRows,
  profileRows,
  sessionRows,
  trailRows,
  treatmentSummary,
} from './readable-parts';

export type ExportProgress = (label: string, done: number, total: number) => void;

/**
 * Where the photos feature adds a client's photos to the export: it writes them into `folder`
 * (its own sub-folder) and returns the files it wrote, for the index. Until it is connected,
 * the export says in its index that photos are not part of it yet.
 */
export type ExportPhotosHook = (request: { services: Services; by: string; clientId: string; folder: string; progress: ExportProgress }) => Promise<IndexEntry[]>;

export interface ClientExportRequest {
  services: Services;
  by: string;
  clientId: string;
  /** An empty (or not yet existing) folder the user chose. */
  folder: string;
  progress?: ExportProgress;
  photos?: ExportPhotosHook;
}

export interface ClientExportResult {
  files: number;
  consents: number;
}

/**
 * A client's whole record for a right-of-access request: profile, every medical-history version,
 * courses, sessions, amendments (before and after), every exception with its reason and who,
 * consents, and who viewed or changed the record, as JSON and as spreadsheets in words; every
 * signed consent's PDF exactly as stored, photos (through the photos feature's hook) and an index
 * PDF that summarises the treatment history and lists every file. Written only into a folder the
 * user chose and that is empty, so nothing of anyone else's is overwritten or mixed in.
 */
export async function exportClientRecord(request: ClientExportRequest): Promise<ClientExportResult> {
  const { services, by, clientId, folder } = request;
  const progress = request.progress ?? (() => undefined);
  const client = services.clients.get(clientId);
  assertEmptyFolder(folder);
  mkdirSync(join(folder, 'consents'), { recursive: true, mode: 0o700 });

  const entries: IndexEntry[] = [];
  const write = (relative: string, bytes: string | Uint8Array, description: string) => {
    try {
      writeFileSync(join(folder, relative), bytes, { mode: 0o600 });
    } catch (error) {
      throw new StoreError('SAVE_FAILED', 'The export could not be written there (the drive may be full, read-only or removed). Choose another folder.', { cause: error });
    }
    entries.push({ file: relative, description });
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

  const consentIds = services.consents.idsForClient(clientId);
  const total = 4 + consentIds.length + 1;
  let done = 0;
  const step = (label: string) => progress(label, ++done, total);
  const { dateFormat, clinicName, paperSize } = services.settings.get();
  // Spreadsheets in words (see readable-parts); JSON beside them keeps every stored field.
  const sheet = (relative: string, rows: readonly Record<string, string>[], description: string, none = 'None recorded') =>
    write(relative, csvFile(csvRecords(rows.length > 0 ? rows : [{ Note: none }])), description);

  write('profile.json', json(client), 'Profile: contact details, skin type and concerns, notes');
  sheet('profile.csv', profileRows(client, dateFormat), 'Profile as a spreadsheet, in words');
  step('profile');

  const history = services.medicalHistory.entries(by, clientId);
  write('medical-history.json', json(history), `Medical history: every version (${history.length}), with the alerts each raised`);
  sheet('medical-history.csv', historyRows(history, dateFormat), `Medical history as a spreadsheet: all ${history.length} version(s), each question and its answer in words`);
  step('medical history');

  const courses = services.courses.forClient(clientId);
  write('courses.json', json(courses), `Treatment courses: ${courses.length}`);
  sheet('courses.csv', courseRows(courses, dateFormat), 'Treatment courses as a spreadsheet');
  const sessions = services.sessions.forClient(by, clientId);
  const list = services.consents.listForClient(by, clientId);
  const screeningOverrides = services.medicalHistory.overridesForClient(clientId);
  write('sessions.json', json(sessions), `Treatment sessions: ${sessions.length}, with every amendment`);
  sheet('sessions.csv', sessionRows(sessions, courses, list.consents, dateFormat), 'Treatment sessions as a spreadsheet, in words: areas, device, lots, the consent each relied on and its exceptions');
  const amendments = amendmentRows(sessions, dateFormat);
  sheet(
    'amendments.csv',
    amendments,
    `Amendments to sessions: ${sessions.reduce((sum, session) => sum + session.amendments.length, 0)}, each with the reason, who, and what the record said before and after`,
  );
  const overrides = overrideRows(sessions, screeningOverrides, dateFormat);
  sheet('exceptions.csv', overrides, `Exceptions (overrides): ${overrides.length}, each with the reason and who took responsibility`);
  const appointments = services.diary.forClient(clientId);
  write('appointments.json', json(appointments), `Appointments in the diary: ${appointments.length}, with the reason of each cancellation`);
  sheet('appointments.csv', appointmentRows(appointments, dateFormat), 'Appointments as a spreadsheet');
  step('sessions');

  write(
    'copies.json',
    json({ sharingChoices: services.copies.sharingChoices(clientId), emailsWaiting: services.outbox.list(clientId) }),
    'What the client agreed to share (a letter to their GP, copies by e-mail; null when never asked) and e-mail copies still waiting to be sent',
  );

  const declined = list.consents.filter((consent) => consent.state === 'declined').length;
  // A declined form is evidence that the client was informed and refused: never listed as a consent.
  const counted = declined > 0 ? `${list.consents.length - declined} signed and ${declined} declined` : `${list.consents.length} signed`;
  write('consents.json', json(list.consents), `Consent forms: ${counted}, with their withdrawals`);
  sheet('consents.csv', consentRows(list.consents, dateFormat), 'Consent forms as a spreadsheet: status, signers, photography choices, withdrawals');
  for (const consentId of consentIds) {
    const { bytes, fileName } = services.consents.pdf(by, consentId, 'export');
    const summary = list.consents.find((consent) => consent.id === consentId)!;
    const outcome = summary.state === 'declined' ? 'DECLINED (not a consent), signed' : 'signed';
    write(
      join('consents', fileName.replace(/\.pdf$/, ` - ${consentId.slice(0, 8)}.pdf`)),
      bytes,
      `${summary.title}, version ${summary.version.major}.${summary.version.minor}, ${outcome} ${clinicDay(summary.signedAt, dateFormat)}`,
    );
    step('consents');
  }

  let photoCount: number | null = null;
  if (request.photos) {
    mkdirSync(join(folder, 'photos'), { recursive: true, mode: 0o700 });
    const photoEntries = await request.photos({ services, by, clientId, folder: join(folder, 'photos'), progress });
    photoCount = photoEntries.filter((entry) => /\.(jpe?g|png)$/i.test(entry.file)).length;
    entries.push(...photoEntries);
  }
  step('photos');

  // Who looked at or changed the record, consents and photos included: the query of the client's
  // own audit-trail screen, in words. Read before this export's own row is written.
  const trail = trailRows(services.auditTrail.matching({ clientId, staffId: null, actions: [], fromDay: null, toDay: null }), dateFormat, auditActionInWords);
  sheet('audit-trail.csv', trail, `Who viewed or changed this record, and when: ${trail.length} entries`);
  const index = await renderExportIndexPdf({
    clinicName,
    clientName: clientFullName(client),
    createdAt: services.clock.now(),
    paperSize,
    entries,
    exportedOn: clinicLocalDay(services.clock.now(), dateFormat),
    history: {
      consents: [...list.consents]
        .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
        .map(
          (consent) => `${consent.title}, version ${consent.version.major}.${consent.version.minor}, signed ${clinicDay(consent.signedAt, dateFormat)}: ${consentStatusWords(consent, dateFormat)}.`,
        ),
      sessions: treatmentSummary(sessions, dateFormat),
      medicalHistory: [...history].reverse().map((entry, at) => `Version ${at + 1}, ${clinicLocalTime(entry.recordedAt, dateFormat)}, by ${entry.recordedByName}: ${alertCount(entry.alerts)}.`),
      photos: photoCount,
      otherExceptions: overrides
        .filter((row) => row['Session'] === 'No session was saved under it')
        .map((row) => `${row['When']}: ${row['Exception']} (${row['Details']}) by ${row['By']}: ${row['Reason']}`),
    },
  });
  write('index.pdf', index, 'This index');
  progress('index', total, total);
  services.audit.append({ staffId: by, action: 'client.export', entity: 'client', entityId: clientId, detail: `files=${entries.length} consents=${consentIds.length}` });
  return { files: entries.length, consents: consentIds.length };
}

function alertCount(alerts: readonly { level: 'stop' | 'caution' }[]): string {
  const stops = alerts.filter((alert) => alert.level === 'stop').length;
  const cautions = alerts.length - stops;
  if (alerts.length === 0) return 'no alerts';
  return [stops > 0 ? `${stops} stop${stops === 1 ? '' : 's'}` : '', cautions > 0 ? `${cautions} caution${cautions === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
}

function assertEmptyFolder(folder: string): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new StoreError('CONFLICT', 'The export needs a folder, and that is a file. Choose an empty folder.');
  if (readdirSync(folder).length > 0) throw new StoreError('CONFLICT', 'That folder is not empty. Choose an empty folder so nothing is overwritten or mixed in.');
}
