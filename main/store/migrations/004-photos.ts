import type { Migration } from './migration';

/**
 * Photos (issue 5). The pixels live in encrypted files under photos/ in the data folder; this
 * table holds what each photo is and the hashes that `verify` checks the files against.
 *
 * Numbered 4 in the project's plan (003 is consents, on its own branch). On this branch it is
 * the third step, so its version is 3: the lead renumbers it to 4 when merging.
 */
export const photos: Migration = {
  version: 4,
  name: 'photos and their alignments',
  sql: `
    CREATE TABLE photo (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      session_id TEXT REFERENCES treatment_session (id),
      view TEXT NOT NULL CHECK (view IN ('front', 'left-45', 'right-45', 'left-profile', 'right-profile', 'close-up')),
      area TEXT,
      stage TEXT NOT NULL CHECK (stage IN ('before', 'after', 'progress')),
      taken_at TEXT NOT NULL,
      taken_at_source TEXT NOT NULL CHECK (taken_at_source IN ('exif', 'camera', 'entered', 'imported')),
      note TEXT NOT NULL DEFAULT '',
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
      sha256 TEXT NOT NULL,
      source_sha256 TEXT NOT NULL,
      preview_sha256 TEXT NOT NULL,
      thumbnail_sha256 TEXT NOT NULL,
      choices_when_taken TEXT,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL REFERENCES staff (id),
      updated_at TEXT NOT NULL,
      CHECK ((view = 'close-up') = (area IS NOT NULL))
    ) STRICT;
    CREATE INDEX photo_by_client ON photo (client_id, taken_at);
    CREATE INDEX photo_by_session ON photo (session_id) WHERE session_id IS NOT NULL;
    -- The same file imported twice for one client is recognised by the hash of its bytes.
    CREATE UNIQUE INDEX photo_source_per_client ON photo (client_id, source_sha256);

    -- How the second photo of an ordered pair is lined up on the first: two landmarks on each,
    -- as fractions of the photo's width and height.
    CREATE TABLE photo_alignment (
      first_photo_id TEXT NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
      second_photo_id TEXT NOT NULL REFERENCES photo (id) ON DELETE CASCADE,
      first_points TEXT NOT NULL,
      second_points TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL REFERENCES staff (id),
      PRIMARY KEY (first_photo_id, second_photo_id),
      CHECK (first_photo_id <> second_photo_id)
    ) STRICT;
    CREATE INDEX photo_alignment_by_second ON photo_alignment (second_photo_id);
  `,
};
