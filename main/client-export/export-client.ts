import { exceptionText } from '../../shared/clinical/exceptions';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersInWords } from '../../shared/screening/answers-in-words';
import type { Services } from '../app';
import { clientFullName } from '../consents/consent-service';
import { StoreError } from '../store/store-error';
import { toCsv } from './csv';
import { renderExportIndexPdf, type IndexEntry } from './export-index-pdf';
import { clinicLocalDay, treatmentSummary } from './readable-parts';

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
 * A client's whole record for a right-of-access request: profile, medical history, courses and
 * sessions as JSON and CSV, every signed consent's PDF exactly as stored, photos (through the
 * photos feature's hook) and an index PDF listing everything. Written only into a folder the
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

  write('profile.json', json(client), 'Profile: contact details, skin type and concerns, notes');
  write('profile.csv', toCsv([client as unknown as Record<string, unknown>]), 'Profile as a spreadsheet');
  step('profile');

  const history = services.medicalHistory.entries(by, clientId);
  write('medical-history.json', json(history), `Medical history: ${history.length} questionnaire(s) with the alerts they raised`);
  write('medical-history.csv', toCsv(history.map((entry) => ({ id: entry.id, recordedAt: entry.recordedAt, recordedBy: entry.recordedByName, ...answersInWords(entry), alerts: entry.alerts }))), 'Medical history as a spreadsheet');
  step('medical history');

  const courses = services.courses.forClient(clientId);
  write('courses.json', json(courses), `Treatment courses: ${courses.length}`);
  const sessions = services.sessions.forClient(by, clientId);
  write('sessions.json', json(sessions), `Treatment sessions: ${sessions.length}, with every amendment`);
  write(
    'sessions.csv',
    toCsv(
      sessions.map((session) => ({
        id: session.id,
        courseId: session.courseId,
        practitioner: session.practitionerName,
        createdAt: session.createdAt,
        ...session.record,
        // What the session was done on: the consent relied on, and every override, in words.
        consentReliedOn: session.basis ? (session.basis.consent ? `${session.basis.consent.templateId} v${session.basis.consent.version.major}.${session.basis.consent.version.minor} (${session.basis.consent.id})` : 'none') : 'not recorded',
        exceptions: (session.basis?.exceptions ?? []).map(exceptionText).join(' | '),
      })),
    ),
    'Treatment sessions as a spreadsheet, with the consent each relied on and its exceptions',
  );
  step('sessions');

  const list = services.consents.listForClient(by, clientId);
  const declined = list.consents.filter((consent) => consent.state === 'declined').length;
  // A declined form is evidence that the client was informed and refused: never listed as a consent.
  const counted = declined > 0 ? `${list.consents.length - declined} signed and ${declined} declined` : `${list.consents.length} signed`;
  write('consents.json', json(list.consents), `Consent forms: ${counted}, with their withdrawals`);
  for (const consentId of consentIds) {
    const { bytes, fileName } = services.consents.pdf(by, consentId, 'export');
    const summary = list.consents.find((consent) => consent.id === consentId)!;
    const outcome = summary.state === 'declined' ? 'DECLINED (not a consent), signed' : 'signed';
    write(
      join('consents', fileName.replace(/\.pdf$/, ` - ${consentId.slice(0, 8)}.pdf`)),
      bytes,
      `${summary.title}, version ${summary.version.major}.${summary.version.minor}, ${outcome} ${summary.signedAt.slice(0, 10)}`,
    );
    step('consents');
  }

  if (request.photos) {
    mkdirSync(join(folder, 'photos'), { recursive: true, mode: 0o700 });
    entries.push(...(await request.photos({ services, by, clientId, folder: join(folder, 'photos'), progress })));
  }
  step('photos');

  const settings = services.settings.get();
  // Who looked at or changed the record, consents and photos included (the client's own trail).
  const trail = services.auditTrail.csv({ clientId, staffId: null, actions: [], fromDay: null, toDay: null });
  write('audit-trail.csv', `\uFEFF${trail.text}`, `Who viewed or changed this record, and when: ${trail.rows} entries`);
  const index = await renderExportIndexPdf({
    clinicName: settings.clinicName,
    clientName: clientFullName(client),
    createdAt: services.clock.now(),
    paperSize: settings.paperSize,
    entries,
    photosIncluded: request.photos !== undefined,
    exportedOn: clinicLocalDay(services.clock.now(), settings.dateFormat),
    summary: treatmentSummary(sessions, settings.dateFormat),
  });
  write('index.pdf', index, 'This index');
  progress('index', total, total);
  services.audit.append({ staffId: by, action: 'client.export', entity: 'client', entityId: clientId, detail: `files=${entries.length} consents=${consentIds.length}` });
  return { files: entries.length, consents: consentIds.length };
}

function assertEmptyFolder(folder: string): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new StoreError('CONFLICT', 'The export needs a folder, and that is a file. Choose an empty folder.');
  if (readdirSync(folder).length > 0) throw new StoreError('CONFLICT', 'That folder is not empty. Choose an empty folder so nothing is overwritten or mixed in.');
}
