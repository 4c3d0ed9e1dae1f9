import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhotoImportFileResult } from '../../../shared/photos/import-result';
import { filesUnder, tempFolder } from '../../support/temp-folder';
import { pngBomb, rotatedCameraJpeg, syntheticFaceJpeg, syntheticFacePng, truncated } from '../../support/photo-fixtures';
import { auditRows, clinicalOnly, openPhotoStore, type PhotoStore } from './photo-store';

let folder: ReturnType<typeof tempFolder>;
let store: PhotoStore;
beforeEach(async () => {
  folder = tempFolder('skinledger-photos-');
  store = await openPhotoStore(folder.path);
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

const labels = { view: 'front' as const, stage: 'before' as const };

function imported(result: PhotoImportFileResult | undefined) {
  if (result?.outcome !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(result)}`);
  return result.photo;
}

function photoFiles(): string[] {
  return filesUnder(folder.path).filter((path) => path.includes('/photos/'));
}

describe('importing photos', () => {
  it('stores an EXIF-rotated camera JPEG upright, dated from EXIF, with no metadata left in any stored form', async () => {
    const camera = await rotatedCameraJpeg({ width: 600, height: 400 });
    const [result] = await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files: [{ fileName: 'IMG_0001.JPG', bytes: camera }] });
    const photo = imported(result);
    // Orientation 6: the 600 x 400 sensor image is a 400 x 600 portrait.
    expect([photo.width, photo.height]).toEqual([400, 600]);
    expect(photo.format).toBe('jpeg');
    expect(photo.takenAtSource).toBe('exif');
    const taken = new Date(photo.takenAt);
    expect([taken.getFullYear(), taken.getMonth() + 1, taken.getDate(), taken.getHours(), taken.getMinutes()]).toEqual([2025, 3, 4, 10, 11]);

    for (const kind of ['original', 'preview'] as const) {
      const shown = store.photos.view(store.admin.id, photo.id, kind);
      const metadata = await sharp(Buffer.from(shown.bytes)).metadata();
      expect(metadata.exif, kind).toBeUndefined();
      expect(metadata.orientation ?? 1, kind).toBe(1);
      expect(metadata.height! > metadata.width!, kind).toBe(true);
      expect(Buffer.from(shown.bytes).includes('LeakyCam'), kind).toBe(false);
    }
    const [thumb] = store.photos.thumbnails([photo.id]);
    expect((await sharp(Buffer.from(thumb!.bytes)).metadata()).exif).toBeUndefined();
    expect(Math.max(thumb!.width, thumb!.height)).toBeLessThanOrEqual(320);
    // The source really carried GPS, so the checks above could fail.
    expect(exifReader((await sharp(camera).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([51, 30, 26]);
  });

  it('keeps a PNG lossless and sizes the preview and thumbnail', async () => {
    const png = await syntheticFacePng({ width: 1800, height: 1350, hue: 120 });
    const [result] = await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files: [{ fileName: 'scan.png', bytes: png }] });
    const photo = imported(result);
    expect(photo.format).toBe('png');
    expect(photo.takenAtSource).toBe('imported');
    const original = store.photos.view(store.admin.id, photo.id, 'original');
    expect(original.mimeType).toBe('image/png');
    const [decodedSource, decodedStored] = await Promise.all([sharp(png).removeAlpha().raw().toBuffer(), sharp(Buffer.from(original.bytes)).removeAlpha().raw().toBuffer()]);
    expect(decodedStored.equals(decodedSource)).toBe(true);
    const preview = store.photos.view(store.admin.id, photo.id, 'preview');
    expect([preview.width, preview.height]).toEqual([1600, 1200]);
  });

  it('refuses, one by one and storing nothing: corrupt, truncated, empty, text, a PNG bomb and an over-size file', async () => {
    store.photos.updateSettings(store.admin.id, { maxFileSizeMb: 1 });
    const good = await syntheticFaceJpeg({ width: 800, height: 600, hue: 30 });
    // Scan data overwritten half-way (a bad sector): decodable headers, damaged image.
    const corrupt = Buffer.from(good);
    for (let i = Math.floor(corrupt.length / 2); i < corrupt.length - 2; i++) corrupt[i] = (i * 37) & 0xff;
    const files = [
      { fileName: 'cut-short.jpg', bytes: truncated(good) },
      { fileName: 'empty.jpg', bytes: new Uint8Array(0) },
      { fileName: 'notes.txt', bytes: Buffer.from('Client prefers afternoon appointments.\n') },
      { fileName: 'bomb.png', bytes: pngBomb() },
      // Just over the 50-megapixel ceiling (8,000 x 6,251): refused before any decoding.
      { fileName: 'just-over.png', bytes: pngBomb(8000, 6251) },
      { fileName: 'huge.jpg', bytes: Buffer.concat([good, Buffer.alloc(1024 * 1024)]) },
      { fileName: 'zeroed.jpg', bytes: corrupt },
      { fileName: 'good.jpg', bytes: good },
    ];
    const results = await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files });
    expect(results.map((r) => [r.fileName, r.outcome === 'refused' ? r.reason : 'imported'])).toEqual([
      ['cut-short.jpg', 'corrupt'],
      ['empty.jpg', 'empty'],
      ['notes.txt', 'not-an-image'],
      ['bomb.png', 'too-many-pixels'],
      ['just-over.png', 'too-many-pixels'],
      ['huge.jpg', 'too-large'],
      ['zeroed.jpg', 'corrupt'],
      ['good.jpg', 'imported'],
    ]);
    for (const result of results) if (result.outcome === 'refused') expect(result.message.length).toBeGreaterThan(20);
    expect(results.find((r) => r.fileName === 'huge.jpg')).toMatchObject({ message: expect.stringContaining('1 MB') });
    // Only the good photo's three files, and one row.
    expect(
      photoFiles()
        .map((path) => path.split('.').pop())
        .sort(),
    ).toEqual(['original', 'preview', 'thumb']);
    expect(store.photos.count()).toBe(1);
    expect(auditRows(store, 'photo.import')).toHaveLength(1);
  });

  it('recognises the same file imported again for the client, also within one batch', async () => {
    const jpeg = await syntheticFaceJpeg({ width: 640, height: 480, hue: 300 });
    const [first, again] = await store.photos.import(store.admin.id, {
      clientId: store.clientId,
      labels,
      files: [
        { fileName: 'a.jpg', bytes: jpeg },
        { fileName: 'a copy.jpg', bytes: jpeg },
      ],
    });
    const photo = imported(first);
    expect(again).toMatchObject({ outcome: 'refused', reason: 'duplicate', duplicateOf: photo.id });
    const [later] = await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files: [{ fileName: 'b.jpg', bytes: jpeg }] });
    expect(later).toMatchObject({ outcome: 'refused', reason: 'duplicate', duplicateOf: photo.id });
    // Another client may hold the same file (a shared demo image, say).
    const other = store.services.clients.create(store.admin.id, { firstName: 'Other', lastName: 'Client' });
    store.setConsent(other.id, clinicalOnly);
    const [forOther] = await store.photos.import(store.admin.id, { clientId: other.id, labels, files: [{ fileName: 'a.jpg', bytes: jpeg }] });
    expect(forOther?.outcome).toBe('imported');
  });

  it('reports progress by job id while a batch runs, and stamps the consent in force', async () => {
    const jobId = '0b7c9a52-6f1e-4b8a-9d3c-2a1f0e9d8c7b';
    store.setConsent(store.clientId, { clinicalRecord: true, teaching: true, marketingFaceVisible: false, marketingFaceHidden: false });
    const seen: number[] = [];
    const files = await Promise.all([1, 2, 3].map(async (n) => ({ fileName: `${n}.jpg`, bytes: await syntheticFaceJpeg({ width: 320, height: 240, hue: n * 40 }) })));
    const results = await store.photos.import(store.admin.id, { clientId: store.clientId, jobId, labels, files }, () => {
      seen.push(store.photos.importProgress(jobId)!.done);
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(store.photos.importProgress(jobId)).toEqual({ done: 3, total: 3, finished: true });
    expect(imported(results[0]).choicesWhenTaken).toEqual({ clinicalRecord: true, teaching: true, marketingFaceVisible: false, marketingFaceHidden: false });
  });

  it('audits the gallery and each photo viewed with ids only, never the note', async () => {
    const jpeg = await syntheticFaceJpeg({ width: 320, height: 240, hue: 10 });
    const note = 'Rosacea flare on the left cheek';
    const [result] = await store.photos.import(store.admin.id, { clientId: store.clientId, labels: { ...labels, note }, files: [{ fileName: 'Jane Doe before.jpg', bytes: jpeg }] });
    const photo = imported(result);
    store.photos.list(store.admin.id, { clientId: store.clientId });
    store.photos.view(store.admin.id, photo.id, 'preview');
    store.photos.update(store.admin.id, photo.id, { view: 'close-up', area: 'cheek-left', stage: 'before', sessionId: null, note: `${note}, better` });
    expect(auditRows(store, 'photo.gallery')).toMatchObject([{ entity_id: store.clientId }]);
    expect(auditRows(store, 'photo.view')).toMatchObject([{ entity_id: photo.id }]);
    expect(auditRows(store, 'photo.update')[0]!.detail).toContain('changed=view,area,note');
    const details = store.services.db.prepare(`SELECT detail FROM audit_event WHERE action LIKE 'photo.%'`).all() as { detail: string }[];
    for (const { detail } of details) {
      expect(detail).not.toMatch(/rosacea|cheek|Jane|Doe/i);
    }
  });

  it('an admin deletes a photo with a reason: its files are gone and the trail says who and when', async () => {
    const jpeg = await syntheticFaceJpeg({ width: 320, height: 240, hue: 90 });
    const photo = imported((await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files: [{ fileName: 'x.jpg', bytes: jpeg }] }))[0]);
    expect(photoFiles()).toHaveLength(3);
    store.photos.delete(store.admin.id, photo.id, 'Photo of the wrong client');
    expect(photoFiles()).toHaveLength(0);
    expect(() => store.photos.get(photo.id)).toThrow(/does not exist/);
    expect(auditRows(store, 'photo.delete')).toMatchObject([{ entity_id: photo.id, staff_id: store.admin.id }]);
    // Importing it again is no longer a duplicate.
    expect((await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files: [{ fileName: 'x.jpg', bytes: jpeg }] }))[0]?.outcome).toBe('imported');
  });

  it('erases every photo of a client for the retention feature', async () => {
    const files = await Promise.all([1, 2].map(async (n) => ({ fileName: `${n}.jpg`, bytes: await syntheticFaceJpeg({ width: 320, height: 240, hue: n * 70 }) })));
    await store.photos.import(store.admin.id, { clientId: store.clientId, labels, files });
    expect(store.photos.eraseClientPhotos(store.admin.id, store.clientId)).toBe(2);
    expect(photoFiles()).toHaveLength(0);
    expect(store.photos.count()).toBe(0);
  });
});
