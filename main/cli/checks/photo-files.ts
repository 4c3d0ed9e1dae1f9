import type { Services } from '../../app';
import type { CheckResult } from './check-result';

/** How many damaged files are named one by one before the rest are only counted. */
const namedAtMost = 20;

/**
 * Every photo file decrypted (the tag proves it is this photo's file, unaltered) and re-hashed
 * against the hash recorded at import. A damaged photo is named by its id and which file, so it
 * can be found in the app and restored from a backup.
 */
export function checkPhotoFiles(services: Services): CheckResult {
  const { checked, damaged } = services.photos.checkFiles();
  const name = 'photo files';
  if (damaged.length === 0) return { name, ok: true, detail: `${checked} photo${checked === 1 ? '' : 's'}, 3 files each, decrypted and hashes match` };
  const problems = { missing: 'missing', damaged: 'damaged or another photo\u2019s file', 'hash-mismatch': 'does not match its recorded hash' } as const;
  const named = damaged.slice(0, namedAtMost).map((file) => `photo ${file.photoId} ${file.kind} ${problems[file.problem]}`);
  const more = damaged.length > namedAtMost ? `; and ${damaged.length - namedAtMost} more` : '';
  return { name, ok: false, detail: `${damaged.length} of ${checked * 3} files: ${named.join('; ')}${more}` };
}
