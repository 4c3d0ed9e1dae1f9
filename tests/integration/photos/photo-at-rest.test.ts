import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { photoFilePath } from '../../../main/photos/photo-file-names';
import type { Photo } from '../../../shared/photos/photo';
import { filesUnder, tempFolder } from '../../support/temp-folder';
import { rotatedCameraJpeg, syntheticFacePng } from '../../support/photo-fixtures';
import { openPhotoStore, type PhotoStore } from './photo-store';

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

const jpegMagic = Buffer.from([0xff, 0xd8, 0xff]);
const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** Needles of 24 bytes: long enough that encrypted bytes never hold one by chance. */
function chunksOf(bytes: Buffer, count: number): Buffer[] {
  const step = Math.floor((bytes.length - 24) / count);
  return Array.from({ length: count }, (_, i) => bytes.subarray(i * step, i * step + 24));
}

async function importTwo(): Promise<{ sources: Buffer[]; photos: Photo[] }> {
  const sources = [await rotatedCameraJpeg({ width: 900, height: 600, seed: 5 }), await syntheticFacePng({ width: 700, height: 500, hue: 80, seed: 6 })];
  const results = await store.photos.import(store.admin.id, {
    clientId: store.clientId,
    labels: { view: 'front', stage: 'before' },
    files: sources.map((bytes, i) => ({ fileName: `${i}`, bytes })),
  });
  return { sources, photos: results.map((r) => (r.outcome === 'imported' ? r.photo : null)).filter((p): p is Photo => p !== null) };
}

describe('photos at rest', () => {
  it('no file under the data folder starts like a JPEG or PNG or holds any piece of the imported or stored images', async () => {
    const { sources, photos } = await importTwo();
    expect(photos).toHaveLength(2);
    const needles: Buffer[] = [];
    for (const source of sources) needles.push(source.subarray(0, 24), ...chunksOf(source, 40));
    for (const photo of photos) {
      for (const kind of ['original', 'preview'] as const) needles.push(...chunksOf(Buffer.from(store.photos.view(store.admin.id, photo.id, kind).bytes), 20));
      needles.push(...chunksOf(Buffer.from(store.photos.thumbnails([photo.id])[0]!.bytes), 10));
    }
    const files = filesUnder(folder.path);
    expect(files.filter((path) => path.includes('/photos/'))).toHaveLength(6);
    for (const path of files) {
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 3).equals(jpegMagic), path).toBe(false);
      expect(bytes.subarray(0, 4).equals(pngMagic), path).toBe(false);
      expect(bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), path).toBe(false);
      expect(bytes.includes(Buffer.from('JFIF')), path).toBe(false);
      for (const needle of needles) expect(bytes.includes(needle), path).toBe(false);
    }
    // The scan can fail: a plain copy of a source is found.
    writeFileSync(`${folder.path}/leak.bin`, sources[0]!);
    expect(readFileSync(`${folder.path}/leak.bin`).includes(needles[1]!)).toBe(true);
  });

  it('a photo file swapped with another photo\u2019s, or with one byte flipped, is reported by the check, naming the photo', async () => {
    const { photos } = await importTwo();
    const [a, b] = photos as [Photo, Photo];
    expect(store.photos.checkFiles()).toEqual({ checked: 2, damaged: [] });

    const pathA = photoFilePath(folder.path, a.id, 'original');
    const pathB = photoFilePath(folder.path, b.id, 'original');
    renameSync(pathA, `${pathA}.aside`);
    renameSync(pathB, pathA);
    renameSync(`${pathA}.aside`, pathB);
    const swapped = store.photos.checkFiles();
    expect(swapped.damaged).toEqual(
      expect.arrayContaining([
        { photoId: a.id, kind: 'original', problem: 'damaged' },
        { photoId: b.id, kind: 'original', problem: 'damaged' },
      ]),
    );
    expect(() => store.photos.view(store.admin.id, a.id, 'original')).toThrow(/damaged or belongs to another photo/);

    // Swap back, then flip one byte of a thumbnail.
    renameSync(pathA, `${pathA}.aside`);
    renameSync(pathB, pathA);
    renameSync(`${pathA}.aside`, pathB);
    const thumb = photoFilePath(folder.path, b.id, 'thumb');
    const bytes = readFileSync(thumb);
    bytes[bytes.length - 5]! ^= 0x01;
    writeFileSync(thumb, bytes);
    expect(store.photos.checkFiles().damaged).toEqual([{ photoId: b.id, kind: 'thumb', problem: 'damaged' }]);
  });
});
