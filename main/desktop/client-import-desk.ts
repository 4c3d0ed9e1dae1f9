import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { importRowsShown, type ImportFilePreview, type ImportPlanView, type ImportResultView } from '../../shared/contract/client-import-channels';
import { csvFile, csvText } from '../../shared/csv';
import { guessMapping, type ColumnMapping, type ImportDateOrder } from '../../shared/import/import-fields';
import type { SignedIn } from '../app';
import { readChosenFile } from '../files/read-chosen-file';
import { writeChosenFile } from '../files/write-chosen-file';
import type { DesktopPorts } from './ports';
import { StoreError } from '../store/store-error';
import { importReportRows, type ImportRowOutcome } from '../import/client-import-service';
import { ImportMappings } from '../import/import-mappings';
import { clientListMaxBytes, readClientList, type ClientList } from '../import/read-client-list';

interface ChosenFile {
  id: string;
  name: string;
  list: ClientList;
  /** The last dry run's or import's outcome of every row, for the report. */
  rows: ImportRowOutcome[] | null;
}

const delimiterNames = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/**
 * Settings → Import clients: the chosen file is read once in main and held in memory under an id
 * (the window never names a path), mapped, dry-run and imported with the same service as the
 * CLI's import-clients; the report of every row goes where the admin saves it.
 */
export class ClientImportDesk {
  private file: ChosenFile | null = null;
  private readonly jobs = new Map<string, { done: number; total: number; controller: AbortController }>();

  constructor(private readonly ports: DesktopPorts) {}

  async choose({ services }: SignedIn): Promise<ImportFilePreview | null> {
    const path = await this.ports.chooseOpenPath({ title: 'Choose the client list to import', filters: [{ name: 'CSV or text', extensions: ['csv', 'txt', 'tsv'] }] });
    if (!path) return null;
    const list = readClientList(readChosenFile(path, clientListMaxBytes, 'That client list'));
    this.file = { id: randomUUID(), name: basename(path), list, rows: null };
    const mappings = new ImportMappings(services.db);
    return {
      fileId: this.file.id,
      fileName: this.file.name,
      encoding: list.encoding,
      delimiter: delimiterNames[list.delimiter],
      rows: list.rows.length,
      headers: list.headers,
      sample: list.rows.slice(0, 5).map((row) => list.headers.map((_, index) => (row.cells[index] ?? '').slice(0, 120))),
      mapping: guessMapping(list.headers),
      savedMappings: mappings.names(),
    };
  }

  useMapping({ services }: SignedIn, fileId: string, name: string): ColumnMapping {
    const file = this.chosen(fileId);
    const mapping = new ImportMappings(services.db).apply(name, file.list.headers);
    if (!mapping) throw new StoreError('NOT_FOUND', `No mapping is saved as "${name}".`);
    return mapping;
  }

  plan({ services }: SignedIn, input: { fileId: string; mapping: ColumnMapping; dateOrder: ImportDateOrder }): ImportPlanView {
    const file = this.chosen(input.fileId);
    const plan = services.clientImport.plan(file.list, input.mapping, input.dateOrder);
    file.rows = plan.rows;
    return {
      counts: plan.counts,
      attention: plan.rows
        .filter((row) => row.outcome !== 'add')
        .slice(0, importRowsShown)
        .map(view),
    };
  }

  async run(
    { services, staff }: SignedIn,
    input: { fileId: string; jobId: string; mapping: ColumnMapping; dateOrder: ImportDateOrder; matching: 'skip' | 'merge'; saveMappingAs: string },
  ): Promise<ImportResultView> {
    const file = this.chosen(input.fileId);
    const job = { done: 0, total: file.list.rows.length, controller: new AbortController() };
    this.jobs.set(input.jobId, job);
    try {
      const result = await services.clientImport.run(staff.id, file.list, {
        fileName: file.name,
        mapping: input.mapping,
        dateOrder: input.dateOrder,
        matching: input.matching,
        signal: job.controller.signal,
        onProgress: (done) => (job.done = done),
      });
      if (input.saveMappingAs) new ImportMappings(services.db).save(input.saveMappingAs, file.list.headers, input.mapping);
      file.rows = result.rows;
      const { rows, ...counts } = result;
      return {
        ...counts,
        attention: rows
          .filter((row) => row.outcome !== 'added')
          .slice(0, importRowsShown)
          .map(view),
      };
    } finally {
      // Kept a moment so the window's last poll sees the end.
      setTimeout(() => this.jobs.delete(input.jobId), 5_000).unref();
    }
  }

  progress(jobId: string): { done: number; total: number } | null {
    const job = this.jobs.get(jobId);
    return job ? { done: job.done, total: job.total } : null;
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.controller.abort();
  }

  async saveReport(fileId: string): Promise<{ saved: boolean }> {
    const file = this.chosen(fileId);
    if (!file.rows) throw new StoreError('CONFLICT', 'Run the dry run or the import first; the report says what happened to each row.');
    const path = await this.ports.chooseSavePath({
      title: 'Save the import report',
      defaultName: `${file.name.replace(/\.[^.]+$/, '')} import report.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (!path) return { saved: false };
    writeChosenFile(path, Buffer.from(csvFile(csvText(importReportRows(file.rows))), 'utf8'), 'The import report');
    return { saved: true };
  }

  private chosen(fileId: string): ChosenFile {
    if (!this.file || this.file.id !== fileId) throw new StoreError('NOT_FOUND', 'Choose the file again: another file was chosen since, or SkinLedger was restarted.');
    return this.file;
  }
}

function view(row: ImportRowOutcome) {
  return { line: row.line, outcome: row.outcome, name: row.name, details: row.details };
}
