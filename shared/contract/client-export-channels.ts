import { z } from 'zod';
import { clinicians, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

export const RecordExportResult = z.discriminatedUnion('outcome', [
  /** Written into a new folder where the user chose; its name only, never the path above it. */
  z.object({ outcome: z.literal('saved'), folderName: z.string(), files: z.number().int(), consents: z.number().int() }),
  z.object({ outcome: z.literal('cancelled') }),
]);
export type RecordExportResult = z.infer<typeof RecordExportResult>;

/**
 * Right of access from the screen: the same export as the CLI's export-client (one
 * implementation in main/client-export), into a new folder named in the save dialog. Audited.
 */
export const clientExportChannels = {
  'clients.exportRecord': channel({ input: z.object({ clientId: z.string().min(1).max(64) }).strict(), output: RecordExportResult, access: clinicians }),
  /** The same export into an existing empty folder the user picks (a folder that is not empty is refused). */
  'clients.export': channel({
    input: z.object({ clientId: z.string().min(1).max(64) }).strict(),
    output: z.object({ saved: z.boolean(), files: z.number().int() }),
    access: clinicians,
  }),
} as const;
