import { describe, expect, it } from 'vitest';
import { PhotoImportRequest } from '../../../shared/contract/photo-channels';
import { LandmarkPair } from '../../../shared/photos/alignment';
import { BlurBox } from '../../../shared/photos/comparison-export';
import { bytesPerMb, maxFileSizeMbCeiling } from '../../../shared/photos/limits';
import { PhotoLabels } from '../../../shared/photos/photo';
import { PhotoSettings } from '../../../shared/photos/photo-settings';
import { isPhotoId, photoFileContext, photoFilePath } from '../../../main/photos/photo-file-names';
import { jpegSize } from '../../../main/photos/jpeg-size';
import { wallClockToIso } from '../../../main/photos/taken-at';
import { syntheticFaceJpeg } from '../../support/photo-fixtures';

const id = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';

describe('photo file names', () => {
  it('spreads files over 256 folders by the id\u2019s first two hex digits, one file per kind', () => {
    expect(photoFilePath('/data', id, 'original')).toBe(`/data/photos/3f/${id}.original`);
    expect(photoFilePath('/data', id, 'thumb')).toBe(`/data/photos/3f/${id}.thumb`);
  });

  it('refuses anything but a SkinLedger photo id, so no id can name a path outside the folder', () => {
    for (const bad of ['../../etc/passwd', `${id}/../x`, id.toUpperCase(), '', 'photo-1']) {
      expect(isPhotoId(bad)).toBe(false);
      expect(() => photoFilePath('/data', bad, 'original')).toThrow();
    }
  });

  it('binds the photo id and kind into what is sealed', () => {
    expect(photoFileContext(id, 'original')).not.toBe(photoFileContext(id, 'preview'));
    expect(photoFileContext(id, 'original')).toContain(id);
  });
});

describe('limits and labels at the boundary', () => {
  it('the bridge refuses a file over the ceiling outright, and more than 50 files in one call', () => {
    const labels = { view: 'front', stage: 'before' };
    const huge = { fileName: 'x.jpg', bytes: new Uint8Array(maxFileSizeMbCeiling * bytesPerMb + 1) };
    expect(PhotoImportRequest.safeParse({ clientId: 'c', labels, files: [huge] }).success).toBe(false);
    const many = Array.from({ length: 51 }, () => ({ fileName: 'x.jpg', bytes: new Uint8Array(1) }));
    expect(PhotoImportRequest.safeParse({ clientId: 'c', labels, files: many }).success).toBe(false);
    expect(PhotoImportRequest.safeParse({ clientId: 'c', labels, files: many.slice(0, 50) }).success).toBe(true);
  });

  it('the size setting runs from 1 to 200 MB', () => {
    expect(PhotoSettings.safeParse({ maxFileSizeMb: 0 }).success).toBe(false);
    expect(PhotoSettings.safeParse({ maxFileSizeMb: 60 }).success).toBe(true);
    expect(PhotoSettings.safeParse({ maxFileSizeMb: 201 }).success).toBe(false);
  });

  it('a close-up names its area and only a close-up does', () => {
    expect(PhotoLabels.safeParse({ view: 'close-up', stage: 'before' }).success).toBe(false);
    expect(PhotoLabels.safeParse({ view: 'close-up', area: 'chin', stage: 'before' }).success).toBe(true);
    expect(PhotoLabels.safeParse({ view: 'front', area: 'chin', stage: 'before' }).success).toBe(false);
  });

  it('landmarks must be two different points inside the photo; blur boxes must lie inside it', () => {
    expect(
      LandmarkPair.safeParse([
        { x: 0.5, y: 0.5 },
        { x: 0.5, y: 0.5 },
      ]).success,
    ).toBe(false);
    expect(
      LandmarkPair.safeParse([
        { x: 0.5, y: 0.5 },
        { x: 1.2, y: 0.5 },
      ]).success,
    ).toBe(false);
    expect(BlurBox.safeParse({ photo: 'first', x: 0.8, y: 0, width: 0.3, height: 0.2 }).success).toBe(false);
    expect(BlurBox.safeParse({ photo: 'first', x: 0.7, y: 0, width: 0.3, height: 0.2 }).success).toBe(true);
  });
});

describe('small readers', () => {
  it('reads a JPEG\u2019s size from its frame header', async () => {
    expect(jpegSize(await syntheticFaceJpeg({ width: 123, height: 77, hue: 1 }))).toEqual({ width: 123, height: 77 });
  });

  it('reads an EXIF wall-clock time as local time with its offset, and refuses nonsense', () => {
    const iso = wallClockToIso('2025-03-04T10:11:12')!;
    const date = new Date(iso);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()]).toEqual([2025, 2, 4, 10, 11, 12]);
    expect(iso).toMatch(/^2025-03-04T10:11:12[+-]\d{2}:\d{2}$/);
    expect(wallClockToIso('0000-00-00T00:00:00')).toBeNull();
    expect(wallClockToIso('garbage')).toBeNull();
  });
});
