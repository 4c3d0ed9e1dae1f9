import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Client } from '../../shared/clients/client';
import { csvFile, csvText } from '../../shared/csv';
import { safeFileNamePart } from '../../shared/file-names';
import type { Services } from '../app';
import { exportClientRecord, type ExportPhotosHook, type ExportProgress } from '../client-export/export-client';
import { StoreError } from '../store/store-error';

export interface ClinicExportRequest {
  services: Services;
  by: string;
  /** The folder the admin chose; the export is a new folder inside it. */
  parent: string;
  photos: ExportPhotosHook;
  progress?: ExportProgress;
  signal?: AbortSignal;
}

export interface ClinicExportResult {
  folder: string;
  clients: number;
  files: number;
}

/**
 * The columns of clients.csv: headers the client import recognises (shared/import), so this file
 * read back by `import-clients`, or by another system's importer, gives the same clients.
 */
const clientColumns: [string, (client: Client) => string][] = [
  ['First name', (c) => c.firstName],
  ['Last name', (c) => c.lastName],
  ['Preferred name', (c) => c.preferredName],
  ['Pronouns', (c) => c.pronouns],
  ['Date of birth', (c) => c.dateOfBirth ?? ''],
  ['Sex', (c) => ({ female: 'Female', male: 'Male', intersex: 'Intersex', 'not-stated': 'Not stated' })[c.sex] ?? ''],
  ['Phone', (c) => c.phone],
  ['Email', (c) => c.email],
  ['Address', (c) => c.address],
  ['Emergency contact', (c) => c.emergencyContact],
  ['GP', (c) => c.gp],
  ['Referral source', (c) => c.referralSource],
  ['Skin type', (c) => (c.fitzpatrick === null ? '' : String(c.fitzpatrick))],
  ['Marketing opt-in', (c) => (c.marketingConsent ? 'Yes' : 'No')],
  ['Notes', (c) => c.notes],
];

/**
 * Everything the clinic has, in files any computer opens: each client's record exactly as the
 * right-of-access export writes it (one implementation), clients.csv for another system's
 * importer, the consent forms as template files, staff (names and roles only), the audit trail,
 * and a README.txt explaining the folder. Written into "<name>.partial" and renamed only when
 * complete, so a folder named as an export is always whole; stopped or failed, the partial folder
 * is removed. Not encrypted: the screen and the CLI say so.
 */
export async function exportClinic(request: ClinicExportRequest): Promise<ClinicExportResult> {
  const { services, by, parent, signal } = request;
  const progress = request.progress ?? (() => undefined);
  if (!existsSync(parent)) throw new StoreError('NOT_FOUND', 'That folder does not exist. Choose a folder that does, such as a USB drive.');
  const day = services.clock.now().toISOString().slice(0, 10);
  const name = freeName(parent, `SkinLedger export ${day}`);
  const folder = join(parent, name);
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const write = (relative: string, text: string) => {
    try {
      writeFileSync(join(partial, relative), text, { mode: 0o600 });
    } catch (error) {
      throw new StoreError('SAVE_FAILED', 'The export could not be written there (the drive may be full, read-only or removed). Choose another folder.', { cause: error });
    }
  };
  try {
    mkdirSync(join(partial, 'clients'), { recursive: true, mode: 0o700 });
    mkdirSync(join(partial, 'consent-templates'), { mode: 0o700 });
    const ids = (services.db.prepare('SELECT id FROM client ORDER BY sort_key, id').all() as { id: string }[]).map((row) => row.id);
    const clients: Client[] = [];
    let files = 0;
    for (const [index, id] of ids.entries()) {
      if (signal?.aborted) throw new StoreError('CONFLICT', 'The export was stopped; nothing was kept.');
      const client = services.clients.get(id);
      clients.push(client);
      const clientFolder = join(partial, 'clients', `${safeFileNamePart(`${client.lastName}, ${client.firstName}`, 'Client', 60)} (${id.slice(0, 8)})`);
      const result = await exportClientRecord({ services, by, clientId: id, folder: clientFolder, photos: request.photos });
      files += result.files;
      progress('clients', index + 1, ids.length);
      await nextTurn();
    }
    write('clients.csv', csvFile(csvText([clientColumns.map(([header]) => header), ...clients.map((client) => clientColumns.map(([, value]) => value(client)))])));
    for (const template of services.consentTemplates.list()) {
      const file = services.consentTemplates.exportFile(by, template.id, null);
      write(join('consent-templates', safeFileNamePart(file.fileName, 'template.json')), file.text);
    }
    const roles = { admin: 'Admin', practitioner: 'Practitioner', reception: 'Reception' } as const;
    write('staff.csv', csvFile(csvText([['Name', 'Role', 'Active'], ...services.staff.list().map((member) => [member.name, roles[member.role], member.active ? 'Yes' : 'No'])])));
    progress('audit trail', 0, 1);
    const trail = services.auditTrail.csv({ staffId: null, clientId: null, actions: [], fromDay: null, toDay: null });
    write('audit-trail.csv', csvFile(trail.text));
    write('README.txt', readme(services.settings.get().clinicName, day, clients.length));
    files += 4;
    services.audit.append({ staffId: by, action: 'clinic.export', entity: 'store', detail: `clients=${clients.length} files=${files} audit-rows=${trail.rows}` });
    renameSync(partial, folder);
    return { folder, clients: clients.length, files };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

function freeName(parent: string, base: string): string {
  const taken = new Set(readdirSync(parent));
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!taken.has(name) && !taken.has(`${name}.partial`)) return name;
  }
}

function readme(clinicName: string, day: string, clients: number): string {
  return [
    `${clinicName}: everything SkinLedger held on ${day}`,
    '',
    'This folder is NOT encrypted. It holds health records and photos: keep it on an encrypted',
    'drive, hand it over securely, and delete it when it has done its job.',
    '',
    `clients/            One folder per client (${clients}), each exactly as "Export record" writes it:`,
    '                    index.pdf first (the treatment history and a list of every file),',
    '                    the record as JSON and as spreadsheets in words, consent PDFs exactly as',
    '                    signed, and photos.',
    'clients.csv         One line per client with contact details and notes. Its column names are',
    '                    the ones SkinLedger\'s "Import clients" and most other systems recognise.',
    'consent-templates/  The consent forms, as template files SkinLedger can import.',
    'staff.csv           Staff names, roles and whether they are active. No passwords.',
    'audit-trail.csv     Who opened, changed, printed or exported what, and when, newest first.',
    '',
    "Dates are written YYYY-MM-DD; times in the spreadsheets are the clinic's local time.",
    '',
  ].join('\r\n');
}
