import { writeFileSync } from 'node:fs';
import { basename, dirname, join, parse } from 'node:path';
import { adminsOnly } from '../../../shared/contract/access';
import { csvFile, csvText } from '../../../shared/csv';
import { guessMapping, ImportDateOrder, ImportField, importFieldLabels, type ColumnMapping } from '../../../shared/import/import-fields';
import { readChosenFile } from '../../files/read-chosen-file';
import { importReportRows, type ImportRowOutcome } from '../../import/client-import-service';
import { clientListMaxBytes, readClientList } from '../../import/read-client-list';
import { requiredFlag, UsageError, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

const dateOrderOfFormat = { 'DD/MM/YYYY': 'dmy', 'MM/DD/YYYY': 'mdy', 'YYYY-MM-DD': 'ymd' } as const;

/**
 * Clients from another system's CSV, as Settings → Import clients does it: the same reading,
 * mapping guess, dry run and batched import (main/import). Without --dry-run it imports; the
 * report of every row's outcome is written beside the file (or to --report).
 */
export const importClientsCommand: CliCommand = {
  words: ['import-clients'],
  summary:
    'Import clients from another system’s CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab). Columns are matched from the header; --map corrects them. Rows matching a recorded client (name and date of birth, phone or e-mail) are skipped or merged, so importing a file twice adds nobody. Writes a report of every row. Admins only.',
  flags: [
    dataFlag,
    userFlag,
    { name: 'file', placeholder: 'FILE', summary: 'The CSV file to import.', required: true },
    {
      name: 'map',
      placeholder: 'FILE',
      summary: `A JSON file naming the field of a column by its header: {"Surname": "lastName", "Loyalty": "ignore"}. Fields: ${ImportField.options.join(', ')}. Columns it does not name are guessed.`,
      required: false,
    },
    { name: 'date-order', placeholder: 'dmy|mdy|ymd', summary: 'How the file writes dates (default: the clinic’s date format).', required: false },
    {
      name: 'matching',
      placeholder: 'skip|merge',
      summary: 'What to do with a row that matches a recorded client: leave the client as is (skip, the default) or fill in what the record lacks (merge).',
      required: false,
    },
    { name: 'report', placeholder: 'FILE', summary: 'Where to write the report of every row (default: beside the file, ending -import-report.csv). Not encrypted.', required: false },
    { name: 'dry-run', placeholder: '', summary: 'Say what an import would do, row by row, and write nothing to the records.', required: false },
  ],
  async run(context) {
    const file = requiredFlag(context, 'file');
    const matching = context.flags.matching ?? 'skip';
    if (matching !== 'skip' && matching !== 'merge') throw new UsageError('--matching must be skip or merge.');
    if (context.flags['date-order'] !== undefined && !ImportDateOrder.safeParse(context.flags['date-order']).success) {
      throw new UsageError('--date-order must be dmy, mdy or ymd.');
    }
    const list = readClientList(readChosenFile(file, clientListMaxBytes, 'That client list'));
    const mapping = context.flags.map ? mappingFromFile(context.flags.map, list.headers) : guessMapping(list.headers);
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: adminsOnly,
      command: 'import-clients',
    });
    try {
      const dateOrder = (context.flags['date-order'] as ImportDateOrder | undefined) ?? dateOrderOfFormat[session.services.settings.get().dateFormat];
      context.io.out(`Read ${list.rows.length} rows (${list.encoding}, ${list.delimiter === '\t' ? 'tab' : `"${list.delimiter}"`} between cells). Dates read as ${dateOrder}.`);
      list.headers.forEach((header, index) => context.io.out(`  ${header || `(column ${index + 1})`} → ${importFieldLabels[mapping[index]!]}`));
      const report = context.flags.report ?? join(dirname(file), `${parse(basename(file)).name}-import-report.csv`);
      let rows: ImportRowOutcome[];
      if (context.flags['dry-run']) {
        const plan = session.services.clientImport.plan(list, mapping, dateOrder);
        context.io.out(
          `Dry run, nothing written: ${plan.counts.add} would be added, ${plan.counts.match} match a recorded client (${matching === 'skip' ? 'left as they are' : 'filled in'}), ${plan.counts.bad} cannot be imported.`,
        );
        rows = plan.rows;
      } else {
        const controller = new AbortController();
        const onInterrupt = () => {
          controller.abort();
          context.io.err('Stopping after the current batch…');
        };
        process.once('SIGINT', onInterrupt);
        try {
          const result = await session.services.clientImport.run(session.staff.id, list, {
            fileName: basename(file),
            mapping,
            dateOrder,
            matching,
            signal: controller.signal,
            onProgress: (done, total) => context.io.progress('Importing clients', done, total),
          });
          context.io.out(
            `Added ${result.added}, left ${result.skipped} recorded clients as they are, filled in ${result.merged}, could not import ${result.notImported}.` +
              (result.cancelled ? ` Stopped: ${result.notReached} rows not reached; importing the same file again adds only those.` : ''),
          );
          rows = result.rows;
        } finally {
          process.removeListener('SIGINT', onInterrupt);
        }
      }
      for (const row of rows.filter((each) => each.outcome === 'bad' || each.outcome === 'not-imported')) {
        context.io.out(`  line ${row.line}: ${row.details.join(' ')}`);
      }
      writeFileSync(report, csvFile(csvText(importReportRows(rows))), { mode: 0o600 });
      context.io.out(`Report of every row: ${report} (not encrypted: it names clients; delete it when done).`);
    } finally {
      session.close();
    }
  },
};

/** A saved mapping: header → field; a header it does not name keeps its guess. */
function mappingFromFile(path: string, headers: readonly string[]): ColumnMapping {
  let named: Record<string, unknown>;
  try {
    named = JSON.parse(readChosenFile(path, 1024 * 1024, 'That mapping file').toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`--map ${path} is not JSON: ${error.message}`);
    throw error;
  }
  if (typeof named !== 'object' || named === null || Array.isArray(named)) throw new UsageError('--map must hold one JSON object: {"Header": "field"}.');
  const guess = guessMapping(headers);
  for (const header of Object.keys(named)) {
    if (!headers.includes(header)) throw new UsageError(`--map names the column "${header}", which the file does not have.`);
  }
  return headers.map((header, index) => {
    if (!(header in named)) return guess[index]!;
    const field = ImportField.safeParse(named[header]);
    if (!field.success) throw new UsageError(`--map gives "${header}" the field "${String(named[header])}"; choose one of: ${ImportField.options.join(', ')}.`);
    return field.data;
  });
}
