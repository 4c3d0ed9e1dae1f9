import { z } from 'zod';
import { RecordCounts } from '../../shared/contract/backup-channels';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const databaseMemberPath = 'skinledger.db';
export const keySlotsMemberPath = 'keyslots.json';

export const ManifestMember = z
  .object({
    path: z.string().min(1).max(1024),
    kind: z.enum(['database', 'key-slots', 'file']),
    size: z.number().int().min(0),
    sha256: Sha256,
  })
  .strict();
export type ManifestMember = z.infer<typeof ManifestMember>;

/**
 * The backup's own list of contents, sealed last inside the encrypted body: every member with
 * its size and SHA-256, and what the store held (the counts `verify` prints) so a restore can
 * prove it got everything back.
 */
export const BackupManifest = z
  .object({
    format: z.literal('skinledger-backup-manifest'),
    version: z.literal(1),
    archiveId: z.string().uuid(),
    storeId: z.string().uuid(),
    createdAt: z.string(),
    appVersion: z.string(),
    schemaVersion: z.number().int(),
    counts: RecordCounts,
    /** The audit trail's last row at the snapshot; the key file's anchor is never ahead of it. */
    auditHead: z.object({ seq: z.number().int(), hash: Sha256 }).nullable(),
    members: z.array(ManifestMember),
  })
  .strict();
export type BackupManifest = z.infer<typeof BackupManifest>;
