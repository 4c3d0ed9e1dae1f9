import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Client, ClientFields } from '../../shared/clients/client';
import { phoneDigits } from '../../shared/clients/client-search-fields';
import { readClientRow } from '../../shared/import/client-row';
import { importFieldLabels, mappingProblems, type ColumnMapping, type ImportDateOrder } from '../../shared/import/import-fields';
import type { AuditLog } from '../audit/audit-log';
import { clientSortKey, type ClientService } from '../clients/client-service';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { ClientList } from './read-client-list';

export type MatchingClients = 'skip' | 'merge';

/** What happens (or happened) to one row of the file. */
export interface ImportRowOutcome {
  line: number;
  outcome: 'add' | 'match' | 'bad' | 'added' | 'skipped' | 'merged' | 'not-imported';
  name: string;
  /** Why a row cannot be imported, which client it matches, or what was kept in the notes. */
  details: string[];
  clientId?: string;
}

export interface ImportCounts {
  rows: number;
  add: number;
  match: number;
  bad: number;
}

export interface ImportPlan {
  counts: ImportCounts;
  rows: ImportRowOutcome[];
}

export interface ImportResult {
  added: number;
  skipped: number;
  merged: number;
  notImported: number;
  /** Rows not reached because the admin cancelled; importing the same file again adds only those. */
  notReached: number;
  cancelled: boolean;
  rows: ImportRowOutcome[];
}

export interface ImportRun {
  fileName: string;
  mapping: ColumnMapping;
  dateOrder: ImportDateOrder;
  matching: MatchingClients;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Rows written in one transaction: big enough to be quick, small enough to keep the window answering. */
const batchSize = 500;

const matchWords = {
  'name-and-birth': 'same name and date of birth',
  phone: 'same phone',
  email: 'same e-mail',
  'name-only': 'same name, and no date of birth, phone or e-mail to tell them apart',
} as const;

/**
 * Clients brought in from another system's list. A dry run (`plan`) writes nothing and says, row
 * by row, what an import would do; `run` does it in batches with progress and a way to stop, each
 * client audited as registered (or changed) as if typed, plus one summary entry naming the file,
 * the counts and the mapping (never the rows). A row matching a recorded client by the duplicate
 * warning's rules is skipped or merged, so importing the same file twice adds nobody.
 */
export class ClientImportService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly clients: ClientService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  plan(list: ClientList, mapping: ColumnMapping, dateOrder: ImportDateOrder): ImportPlan {
    this.checkMapping(list, mapping);
    const planned = new PlannedClients();
    const rows = list.rows.map((row): ImportRowOutcome => {
      const reading = readClientRow(row.cells, mapping, dateOrder, this.today());
      if (!reading.ok) return { line: row.line, outcome: 'bad', name: rowName(row.cells, mapping), details: reading.reasons };
      const name = `${reading.client.firstName} ${reading.client.lastName}`;
      const match = this.match(reading.client) ?? planned.match(reading.client);
      if (match) return { line: row.line, outcome: 'match', name, details: [`Matches ${match.name} (${matchWords[match.reason]}).`, ...reading.remarks], ...(match.id ? { clientId: match.id } : {}) };
      planned.add(reading.client, row.line);
      return { line: row.line, outcome: 'add', name, details: reading.remarks };
    });
    return { counts: countOf(rows), rows };
  }

  async run(by: string, list: ClientList, options: ImportRun): Promise<ImportResult> {
    this.checkMapping(list, options.mapping);
    const rows: ImportRowOutcome[] = [];
    let cancelled = false;
    for (let start = 0; start < list.rows.length; start += batchSize) {
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      const batch = list.rows.slice(start, start + batchSize);
      this.db.transaction(() => {
        for (const row of batch) rows.push(this.importRow(by, row.line, row.cells, options));
      })();
      options.onProgress?.(rows.length, list.rows.length);
      // Let the window's other requests in between batches.
      await nextTurn();
    }
    const result: ImportResult = {
      added: rows.filter((row) => row.outcome === 'added').length,
      skipped: rows.filter((row) => row.outcome === 'skipped').length,
      merged: rows.filter((row) => row.outcome === 'merged').length,
      notImported: rows.filter((row) => row.outcome === 'not-imported').length,
      notReached: list.rows.length - rows.length,
      cancelled,
      rows,
    };
    this.audit.append({
      staffId: by,
      action: 'client.import',
      entity: 'client',
      detail: [
        `file=${options.fileName.replace(/[\r\n]/g, ' ').slice(0, 200)}`,
        `added=${result.added} skipped=${result.skipped} merged=${result.merged} not-imported=${result.notImported} not-reached=${result.notReached}`,
        `dates=${options.dateOrder} matching=${options.matching}`,
        `mapping=${options.mapping.join(',')}`,
      ].join(' '),
    });
    return result;
  }

  private importRow(by: string, line: number, cells: readonly string[], options: ImportRun): ImportRowOutcome {
    const reading = readClientRow(cells, options.mapping, options.dateOrder, this.today());
    if (!reading.ok) return { line, outcome: 'not-imported', name: rowName(cells, options.mapping), details: reading.reasons };
    const name = `${reading.client.firstName} ${reading.client.lastName}`;
    const match = this.match(reading.client);
    if (!match?.id) {
      const client = this.clients.create(by, reading.client, { allowDuplicate: true });
      return { line, outcome: 'added', name, details: reading.remarks, clientId: client.id };
    }
    const said = `Matches ${match.name} (${matchWords[match.reason]}).`;
    if (options.matching === 'skip') return { line, outcome: 'skipped', name, details: [said], clientId: match.id };
    const existing = this.clients.get(match.id);
    const merged = mergeInto(existing, reading.client, options.fileName, this.today());
    if (!merged.changed.length) return { line, outcome: 'skipped', name, details: [said, 'Nothing new to add.'], clientId: match.id };
    this.clients.update(by, match.id, merged.fields);
    return { line, outcome: 'merged', name, details: [said, `Filled in: ${merged.changed.join(', ')}.`, ...reading.remarks], clientId: match.id };
  }

  /** A recorded client this row is, by the duplicate warning's rules, or by name alone when the row has nothing else. */
  private match(client: ClientFields): { id?: string; name: string; reason: keyof typeof matchWords } | null {
    const [found] = this.clients.possibleDuplicates(client, null);
    if (found) return { id: found.client.id, name: `${found.client.firstName} ${found.client.lastName}`, reason: found.reason };
    if (client.dateOfBirth || phoneDigits(client.phone).length >= 6 || client.email) return null;
    const sameName = this.db
      .prepare(`SELECT id, first_name AS firstName, last_name AS lastName FROM client WHERE sort_key = ? AND date_of_birth IS NULL AND email = '' LIMIT 1`)
      .get(clientSortKey(client)) as { id: string; firstName: string; lastName: string } | undefined;
    return sameName ? { id: sameName.id, name: `${sameName.firstName} ${sameName.lastName}`, reason: 'name-only' } : null;
  }

  private checkMapping(list: ClientList, mapping: ColumnMapping): void {
    if (mapping.length !== list.headers.length) throw new StoreError('INVALID_INPUT', `The mapping has ${mapping.length} columns and the file ${list.headers.length}. Map each column of the file.`);
    const problems = mappingProblems(mapping);
    if (problems.length > 0) throw new StoreError('INVALID_INPUT', problems.join(' '));
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}

/** Rows of the same file that will be added before this one, for the dry run's count of matches. */
class PlannedClients {
  private readonly keys = new Map<string, number>();

  match(client: ClientFields): { id?: string; name: string; reason: keyof typeof matchWords } | null {
    for (const [key, reason] of keysOf(client)) {
      const line = this.keys.get(key);
      if (line !== undefined) return { name: `the client on line ${line}`, reason };
    }
    return null;
  }

  add(client: ClientFields, line: number): void {
    for (const [key] of keysOf(client)) if (!this.keys.has(key)) this.keys.set(key, line);
  }
}

function keysOf(client: ClientFields): [string, keyof typeof matchWords][] {
  const name = clientSortKey(client);
  const digits = phoneDigits(client.phone);
  const keys: [string, keyof typeof matchWords][] = [];
  if (client.dateOfBirth) keys.push([`b:${name}:${client.dateOfBirth}`, 'name-and-birth']);
  if (digits.length >= 6) keys.push([`p:${digits}`, 'phone']);
  if (client.email) keys.push([`e:${client.email.toLowerCase()}`, 'email']);
  if (keys.length === 0) keys.push([`n:${name}`, 'name-only']);
  return keys;
}

const fillable = ['preferredName', 'pronouns', 'dateOfBirth', 'sex', 'phone', 'email', 'address', 'gp', 'emergencyContact', 'referralSource', 'fitzpatrick'] as const;

/**
 * A recorded client with what the import knows and the record does not: empty fields filled in,
 * never a recorded value replaced, and the old system's notes added under a line naming the file.
 */
function mergeInto(existing: Client, imported: ClientFields, fileName: string, today: string): { fields: ClientFields; changed: string[] } {
  const fields: ClientFields = {
    firstName: existing.firstName,
    lastName: existing.lastName,
    preferredName: existing.preferredName,
    dateOfBirth: existing.dateOfBirth,
    pronouns: existing.pronouns,
    sex: existing.sex as ClientFields['sex'],
    phone: existing.phone,
    email: existing.email,
    address: existing.address,
    emergencyContact: existing.emergencyContact,
    gp: existing.gp,
    referralSource: existing.referralSource,
    fitzpatrick: existing.fitzpatrick,
    concerns: existing.concerns,
    marketingConsent: existing.marketingConsent,
    notes: existing.notes,
  };
  const changed: string[] = [];
  const target = fields as unknown as Record<string, unknown>;
  for (const key of fillable) {
    const value = imported[key];
    if ((target[key] === '' || target[key] === null) && value !== '' && value !== null) {
      target[key] = value;
      changed.push(fieldLabel(key));
    }
  }
  if (imported.notes && !existing.notes.includes(imported.notes)) {
    const added = `Imported from ${fileName} on ${today}:\n${imported.notes}`;
    fields.notes = existing.notes ? `${existing.notes}\n\n${added}` : added;
    changed.push('notes');
  }
  return { fields, changed };
}

function fieldLabel(key: (typeof fillable)[number]): string {
  const labels: Record<(typeof fillable)[number], string> = {
    preferredName: importFieldLabels.preferredName,
    pronouns: importFieldLabels.pronouns,
    emergencyContact: importFieldLabels.emergencyContact,
    dateOfBirth: importFieldLabels.dateOfBirth,
    sex: importFieldLabels.sex,
    phone: importFieldLabels.phone,
    email: importFieldLabels.email,
    address: 'Address',
    gp: importFieldLabels.gp,
    referralSource: importFieldLabels.referralSource,
    fitzpatrick: importFieldLabels.fitzpatrick,
  };
  return labels[key].toLowerCase();
}

/** The name cells of a row as written, for the report of a row that could not be read. */
function rowName(cells: readonly string[], mapping: ColumnMapping): string {
  return mapping
    .flatMap((field, index) => (field === 'fullName' || field === 'firstName' || field === 'lastName' ? [(cells[index] ?? '').trim()] : []))
    .filter(Boolean)
    .join(' ');
}

function countOf(rows: readonly ImportRowOutcome[]): ImportCounts {
  return {
    rows: rows.length,
    add: rows.filter((row) => row.outcome === 'add').length,
    match: rows.filter((row) => row.outcome === 'match').length,
    bad: rows.filter((row) => row.outcome === 'bad').length,
  };
}

/** The import report: one line per row of the file with what happened to it, for the admin to keep or fix from. */
export function importReportRows(rows: readonly ImportRowOutcome[]): string[][] {
  const words: Record<ImportRowOutcome['outcome'], string> = {
    add: 'Will be added',
    match: 'Matches a client',
    bad: 'Cannot be imported',
    added: 'Added',
    skipped: 'Already recorded, left as it is',
    merged: 'Already recorded, details filled in',
    'not-imported': 'Not imported',
  };
  return [['Line', 'Outcome', 'Name', 'Details'], ...rows.map((row) => [String(row.line), words[row.outcome], row.name, row.details.join(' ')])];
}
