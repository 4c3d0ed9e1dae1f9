import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../shared/photos/photo';
import { galleryRows, moveInGrid } from '../../../renderer/photos/gallery/gallery-rows';
import { importBatches } from '../../../renderer/photos/import/import-batches';
import { defaultPair } from '../../../renderer/photos/compare/default-pair';

function photo(id: string, sessionNumber: number | null, takenAt: string, extra: Partial<Photo> = {}): Photo {
  return {
    id,
    clientId: 'c',
    sessionId: sessionNumber ? `s${sessionNumber}` : null,
    sessionNumber,
    sessionPerformedAt: sessionNumber ? `2026-0${sessionNumber}-01T10:00:00.000Z` : null,
    view: 'front',
    area: null,
    stage: 'before',
    takenAt,
    takenAtSource: 'imported',
    note: '',
    width: 100,
    height: 100,
    sha256: '0'.repeat(64),
    sourceSha256: '0'.repeat(64),
    format: 'jpeg',
    choicesWhenTaken: null,
    consentOverride: null,
    importedAt: takenAt,
    importedBy: 'u',
    importedByName: 'U',
    updatedAt: takenAt,
    ...extra,
  };
}

describe('the gallery grid', () => {
  // Session 1: five photos; session 2: two; one photo without a session.
  const photos = [
    ...['a', 'b', 'c', 'd', 'e'].map((id, i) => photo(id, 1, `2026-01-01T10:0${i}:00.000Z`)),
    photo('f', 2, '2026-02-01T10:00:00.000Z'),
    photo('g', 2, '2026-02-01T10:01:00.000Z'),
    photo('h', null, '2026-03-05T10:00:00.000Z'),
  ];
  const { rows, order } = galleryRows(photos, 3);

  it('groups by session in order, with rows of the column count under each heading', () => {
    expect(rows.map((row) => (row.kind === 'group' ? `#${row.sessionNumber ?? '-'}` : row.photos.map((p) => p.id).join('')))).toEqual(['#1', 'abc', 'de', '#2', 'fg', '#-', 'h']);
    expect(order.map((p) => p.id).join('')).toBe('abcdefgh');
  });

  it('moves by arrow keys across rows and headings, to the nearest photo in a shorter row', () => {
    const at = (id: string) => order.findIndex((p) => p.id === id);
    const move = (from: string, key: Parameters<typeof moveInGrid>[3]) => order[moveInGrid(rows, order.length, at(from), key)]!.id;
    expect(move('b', 'ArrowDown')).toBe('e');
    expect(move('c', 'ArrowDown')).toBe('e');
    expect(move('e', 'ArrowDown')).toBe('g');
    expect(move('g', 'ArrowDown')).toBe('h');
    expect(move('h', 'ArrowUp')).toBe('f');
    expect(move('a', 'ArrowUp')).toBe('a');
    expect(move('c', 'ArrowRight')).toBe('d');
    expect(move('a', 'ArrowLeft')).toBe('a');
    expect(move('d', 'End')).toBe('h');
    expect(move('h', 'Home')).toBe('a');
  });
});

describe('import batches', () => {
  it('splits by file count and by bytes, keeping order and never an empty batch', () => {
    expect(importBatches([1, 1, 1, 1, 1], 2, 100)).toEqual([[0, 1], [2, 3], [4]]);
    expect(importBatches([60, 50, 10, 100], 10, 100)).toEqual([[0], [1, 2], [3]]);
    expect(importBatches([], 10, 100)).toEqual([]);
  });
});

describe('the pair a comparison opens with', () => {
  it('is the first "before" against the latest photo of the same view', () => {
    const photos = [
      photo('p0', 1, '2026-01-01T09:00:00.000Z', { stage: 'progress' }),
      photo('b1', 1, '2026-01-01T10:00:00.000Z'),
      photo('x', 2, '2026-02-01T10:00:00.000Z', { view: 'left-45', stage: 'after' }),
      photo('a2', 2, '2026-02-01T11:00:00.000Z', { stage: 'after' }),
      photo('y', 3, '2026-03-01T10:00:00.000Z', { view: 'left-45', stage: 'after' }),
    ];
    expect(defaultPair(photos, null, null)).toEqual({ firstId: 'b1', secondId: 'a2' });
    expect(defaultPair(photos, 'x', null)).toEqual({ firstId: 'x', secondId: 'y' });
    expect(defaultPair(photos.slice(0, 1), null, null)).toBeNull();
  });
});
