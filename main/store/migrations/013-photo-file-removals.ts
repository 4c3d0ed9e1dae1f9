import type { Migration } from './migration';

/**
 * Photo files waiting to be removed. A purge (or a photo's deletion) writes the ids here in the
 * same transaction that deletes the rows, removes the files once it has committed, then clears
 * the ids. A process that dies in between leaves the ids behind, and the next open finishes the
 * removal, so a purged client's photos never outlive their rows on disk. Ids only: no client,
 * nothing about the photo.
 */
export const photoFileRemovals: Migration = {
  version: 13,
  name: 'photos: files waiting to be removed after their rows were deleted',
  sql: `
    CREATE TABLE photo_file_removal (
      photo_id TEXT PRIMARY KEY,
      queued_at TEXT NOT NULL
    ) STRICT;
  `,
};
