import { z } from 'zod';
import { ColumnMapping, ImportDateOrder } from '../import/import-fields';
import { adminsOnly, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

/** A file the admin chose, held read in main's memory (never a path in the window) until the next one. */
const FileId = z.string().uuid();
const MappingName = z.string().trim().min(1, 'Name the mapping.').max(80);

export const ImportFilePreview = z.object({
  fileId: FileId,
  fileName: z.string(),
  encoding: z.string(),
  delimiter: z.enum(['comma', 'semicolon', 'tab']),
  rows: z.number().int(),
  headers: z.array(z.string()),
  /** The first rows as read, for the admin to see what each column holds. */
  sample: z.array(z.array(z.string())),
  /** The saved mapping of the same name as last time, else the guess from the header. */
  mapping: ColumnMapping,
  savedMappings: z.array(z.string()),
});
export type ImportFilePreview = z.infer<typeof ImportFilePreview>;

export const ImportRowOutcome = z.object({
  line: z.number().int(),
  outcome: z.enum(['add', 'match', 'bad', 'added', 'skipped', 'merged', 'not-imported']),
  name: z.string(),
  details: z.array(z.string()),
});
export type ImportRowOutcome = z.infer<typeof ImportRowOutcome>;

/** Shown at most: the rest are in the report the admin can save. */
export const importRowsShown = 200;

export const ImportPlanView = z.object({
  counts: z.object({ rows: z.number().int(), add: z.number().int(), match: z.number().int(), bad: z.number().int() }),
  /** Rows that match a recorded client or cannot be imported, first ones first. */
  attention: z.array(ImportRowOutcome),
});
export type ImportPlanView = z.infer<typeof ImportPlanView>;

export const ImportResultView = z.object({
  added: z.number().int(),
  skipped: z.number().int(),
  merged: z.number().int(),
  notImported: z.number().int(),
  notReached: z.number().int(),
  cancelled: z.boolean(),
  attention: z.array(ImportRowOutcome),
});
export type ImportResultView = z.infer<typeof ImportResultView>;

const Choice = z.object({ fileId: FileId, mapping: ColumnMapping, dateOrder: ImportDateOrder }).strict();

/** Settings → Import clients (admins): choose, map, dry run, import, keep the report. */
export const clientImportChannels = {
  /** Opens the file dialog and reads the chosen client list; null when cancelled. */
  'clients.import.choose': channel({ input: z.object({}).strict(), output: ImportFilePreview.nullable(), access: adminsOnly }),
  /** A saved mapping laid over the chosen file's columns (columns it does not name keep their guess). */
  'clients.import.useMapping': channel({ input: z.object({ fileId: FileId, name: MappingName }).strict(), output: ColumnMapping, access: adminsOnly }),
  /** The dry run: writes nothing. */
  'clients.import.plan': channel({ input: Choice, output: ImportPlanView, access: adminsOnly }),
  'clients.import.run': channel({
    input: Choice.extend({
      /** Chosen by the window so it can poll clients.import.progress while this call is pending. */
      jobId: z.string().uuid(),
      matching: z.enum(['skip', 'merge']),
      /** Saves the mapping under this name for the next file from the same system; empty for none. */
      saveMappingAs: z.union([z.literal(''), MappingName]),
    }).strict(),
    output: ImportResultView,
    access: adminsOnly,
  }),
  'clients.import.progress': channel({
    input: z.object({ jobId: z.string().uuid() }).strict(),
    output: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    access: adminsOnly,
  }),
  /** Stops the import at the next batch boundary; the batches done stay (importing again adds only the rest). */
  'clients.import.cancel': channel({ input: z.object({ jobId: z.string().uuid() }).strict(), output: z.object({ done: z.literal(true) }), access: adminsOnly }),
  /** The report of every row of the last dry run or import of this file, where the admin chooses. Not encrypted. */
  'clients.import.saveReport': channel({ input: z.object({ fileId: FileId }).strict(), output: z.object({ saved: z.boolean() }), access: adminsOnly }),
} as const;

export const ClinicExportResultView = z.discriminatedUnion('outcome', [
  /** The new folder's name only, never the path above it. */
  z.object({ outcome: z.literal('saved'), folderName: z.string(), clients: z.number().int(), files: z.number().int() }),
  z.object({ outcome: z.literal('cancelled') }),
]);
export type ClinicExportResultView = z.infer<typeof ClinicExportResultView>;

/** Settings → Export everything (admins): the whole clinic into a new folder where the admin chooses. */
export const clinicExportChannels = {
  'clinic.export': channel({ input: z.object({ jobId: z.string().uuid() }).strict(), output: ClinicExportResultView, access: adminsOnly }),
  'clinic.export.progress': channel({
    input: z.object({ jobId: z.string().uuid() }).strict(),
    output: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    access: adminsOnly,
  }),
  /** Stops the export; the partial folder is removed. */
  'clinic.export.cancel': channel({ input: z.object({ jobId: z.string().uuid() }).strict(), output: z.object({ done: z.literal(true) }), access: adminsOnly }),
} as const;
