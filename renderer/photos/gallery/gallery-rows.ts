import type { Photo } from '../../../shared/photos/photo';

/** A heading over the photos of one session (or of one day without a session). */
export interface GroupRow {
  kind: 'group';
  key: string;
  sessionNumber: number | null;
  /** The session's date, or the day the photos were taken. */
  at: string;
  count: number;
}

export interface PhotoRow {
  kind: 'photos';
  key: string;
  /** Index into the flat, ordered photo list of the first photo in this row. */
  start: number;
  photos: Photo[];
}

export type GalleryRow = GroupRow | PhotoRow;

/**
 * The gallery's rows: photos grouped by session (in session order) and, without a session, by the
 * day they were taken; each group broken into rows of `columns`. Also the flat order the keyboard
 * walks through.
 */
export function galleryRows(photos: readonly Photo[], columns: number): { rows: GalleryRow[]; order: Photo[] } {
  const groups = new Map<string, { sessionNumber: number | null; at: string; photos: Photo[] }>();
  const sorted = [...photos].sort((a, b) => groupAt(a).localeCompare(groupAt(b)) || a.takenAt.localeCompare(b.takenAt));
  for (const photo of sorted) {
    const key = photo.sessionId ? `session:${photo.sessionId}` : `day:${photo.takenAt.slice(0, 10)}`;
    const group = groups.get(key) ?? { sessionNumber: photo.sessionNumber, at: groupAt(photo), photos: [] };
    group.photos.push(photo);
    groups.set(key, group);
  }
  const rows: GalleryRow[] = [];
  const order: Photo[] = [];
  for (const [key, group] of groups) {
    rows.push({ kind: 'group', key, sessionNumber: group.sessionNumber, at: group.at, count: group.photos.length });
    for (let i = 0; i < group.photos.length; i += columns) {
      const slice = group.photos.slice(i, i + columns);
      rows.push({ kind: 'photos', key: `${key}:${i}`, start: order.length, photos: slice });
      order.push(...slice);
    }
  }
  return { rows, order };
}

function groupAt(photo: Photo): string {
  return photo.sessionPerformedAt ?? photo.takenAt;
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Where the focus goes from photo `current` for a key: left/right walk the order, up/down go to
 * the same column in the row above or below (the nearest photo if that row is shorter), even
 * across a session heading. Returns the new index (the same one at an edge).
 */
export function moveInGrid(rows: readonly GalleryRow[], total: number, current: number, key: GridKey, pageRows = 3): number {
  if (total === 0) return 0;
  const photoRows = rows.filter((row): row is PhotoRow => row.kind === 'photos');
  const rowIndex = photoRows.findIndex((row) => current >= row.start && current < row.start + row.photos.length);
  const row = photoRows[rowIndex];
  if (!row) return Math.min(Math.max(current, 0), total - 1);
  const column = current - row.start;
  const toRow = (target: number) => {
    const next = photoRows[Math.min(Math.max(target, 0), photoRows.length - 1)]!;
    return next.start + Math.min(column, next.photos.length - 1);
  };
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'ArrowRight':
      return Math.min(total - 1, current + 1);
    case 'ArrowUp':
      return toRow(rowIndex - 1);
    case 'ArrowDown':
      return toRow(rowIndex + 1);
    case 'PageUp':
      return toRow(rowIndex - pageRows);
    case 'PageDown':
      return toRow(rowIndex + pageRows);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
  }
}
