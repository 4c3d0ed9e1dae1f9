import type { Services } from '../../app';
import { findOrphanPhotoFiles } from '../../photos/photo-orphans';
import type { CheckResult } from './check-result';

const namedAtMost = 20;

/**
 * The other half of the photo check: files with no record (a record with no file is reported by
 * "photo files" as missing). Such a file may hold an image of a purged client, so it fails the
 * check and is named, for an admin to delete.
 */
export function checkOrphanPhotoFiles(services: Services): CheckResult {
  const { files, orphans, queued } = findOrphanPhotoFiles(services.db, services.vault.folder.root);
  const name = 'photo files without a record';
  if (orphans.length === 0) return { name, ok: true, detail: `none among ${files} file${files === 1 ? '' : 's'}` };
  const more = orphans.length > namedAtMost ? `; and ${orphans.length - namedAtMost} more` : '';
  const waiting = queued > 0 ? ` (${queued} of them from deleted photos whose removal has not finished yet)` : '';
  return {
    name,
    ok: false,
    detail: `${orphans.length} file${orphans.length === 1 ? '' : 's'} no photo record points at${waiting}; nothing in the records needs them and they can be deleted: ${orphans.slice(0, namedAtMost).join('; ')}${more}`,
  };
}
