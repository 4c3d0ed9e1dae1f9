import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComparisonExportRequest, type ComparisonExportRequestInput } from '../../../shared/photos/comparison-export';
import type { Photo } from '../../../shared/photos/photo';
import { tempFolder } from '../../support/temp-folder';
import { syntheticFaceJpeg } from '../../support/photo-fixtures';
import { auditRows, clinicalOnly, everyUse, openPhotoStore, type PhotoStore } from './photo-store';

let folder: ReturnType<typeof tempFolder>;
let out: ReturnType<typeof tempFolder>;
let store: PhotoStore;
let before: Photo;
let after: Photo;
let dialogs: number;

beforeEach(async () => {
  folder = tempFolder('skinledger-photos-');
  out = tempFolder('skinledger-export-');
  store = await openPhotoStore(folder.path);
  const files = [
    { fileName: 'before.jpg', bytes: await syntheticFaceJpeg({ width: 800, height: 1000, hue: 20, seed: 1 }), labels: { view: 'front' as const, stage: 'before' as const } },
    { fileName: 'after.jpg', bytes: await syntheticFaceJpeg({ width: 900, height: 1000, hue: 20, seed: 2, offsetX: 40, tilt: 6 }), labels: { view: 'front' as const, stage: 'after' as const } },
  ];
  const results = await store.photos.import(store.admin.id, { clientId: store.clientId, labels: { view: 'front', stage: 'before' }, files });
  [before, after] = results.map((r) => (r.outcome === 'imported' ? r.photo : null)) as [Photo, Photo];
  dialogs = 0;
});
afterEach(async () => {
  await store.close();
  folder.remove();
  out.remove();
});

function exportAs(request: Omit<ComparisonExportRequestInput, 'firstId' | 'secondId'>, fileName = 'comparison.jpg') {
  return store.exports.export(store.admin.id, ComparisonExportRequest.parse({ firstId: before.id, secondId: after.id, ...request }), async (dialog) => {
    dialogs++;
    expect(dialog.defaultName).not.toMatch(/Photo Subject|Subject/);
    return join(out.path, fileName);
  });
}

describe('comparison export', () => {
  it('is refused for marketing when the consent in force is clinical-only (and with none on file), before any dialog, and audited', async () => {
    store.setConsent(store.clientId, clinicalOnly);
    const refused = await exportAs({ use: 'marketing-face-visible', format: 'jpeg' });
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'consent-does-not-permit' });
    expect(refused.outcome === 'refused' && refused.message).toMatch(/consent does not allow marketing/);
    expect(await exportAs({ use: 'teaching', format: 'pdf' })).toMatchObject({ outcome: 'refused', reason: 'consent-does-not-permit' });
    store.setConsent(store.clientId, null);
    const none = await exportAs({ use: 'clinical', format: 'jpeg' });
    expect(none).toMatchObject({ outcome: 'refused', reason: 'no-photography-consent' });
    expect(none.outcome === 'refused' && none.message).toMatch(/no photography consent in force/);
    expect(dialogs).toBe(0);
    expect(existsSync(join(out.path, 'comparison.jpg'))).toBe(false);
    expect(auditRows(store, 'photo.export.refused')).toHaveLength(3);
    expect(auditRows(store, 'photo.export')).toHaveLength(0);
  });

  it('for the clinical record: a side-by-side JPEG with the second photo lined up by the saved alignment', async () => {
    store.setConsent(store.clientId, clinicalOnly);
    store.photos.saveAlignment(
      store.admin.id,
      before.id,
      after.id,
      [
        { x: 0.36, y: 0.43 },
        { x: 0.64, y: 0.43 },
      ],
      [
        { x: 0.38, y: 0.42 },
        { x: 0.62, y: 0.45 },
      ],
    );
    const result = await exportAs({ use: 'clinical', format: 'jpeg', watermark: 'Test Clinic \u2014 clinical record', matchBrightness: true });
    expect(result).toEqual({ outcome: 'saved', fileName: 'comparison.jpg' });
    const image = readFileSync(join(out.path, 'comparison.jpg'));
    const metadata = await sharp(image).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    // Aligned: both panels are cut to where the moved photo covers the frame (no grey edge), so
    // the picture is two equal panels wide, each at most the first photo's width.
    const preview = store.photos.view(store.admin.id, before.id, 'preview');
    expect(metadata.width! - 120).toBeLessThanOrEqual(preview.width * 2);
    expect((metadata.width! - 120) % 2).toBe(0);
    expect(metadata.width! - 120).toBeGreaterThan(preview.width * 2 * 0.7);
    expect(auditRows(store, 'photo.export')).toMatchObject([{ entity_id: before.id }]);
    expect(auditRows(store, 'photo.export')[0]!.detail).not.toContain('clinical record');
  });

  it('for teaching (anonymised): the face must be hidden on both photos, as for marketing with the face hidden', async () => {
    store.setConsent(store.clientId, everyUse);
    expect(await exportAs({ use: 'teaching', format: 'jpeg' })).toMatchObject({ outcome: 'refused', reason: 'face-must-be-hidden' });
    const boxes = [
      { photo: 'first' as const, x: 0.2, y: 0.1, width: 0.6, height: 0.6 },
      { photo: 'second' as const, x: 0.2, y: 0.1, width: 0.6, height: 0.6 },
    ];
    expect(await exportAs({ use: 'teaching', format: 'jpeg', blurBoxes: boxes })).toEqual({ outcome: 'saved', fileName: 'comparison.jpg' });
    expect(auditRows(store, 'photo.export')[0]!.detail).toContain('blurBoxes=2');
  });

  it('for marketing with the face hidden: needs a blur box on both photos, then saves a PDF', async () => {
    store.setConsent(store.clientId, everyUse);
    expect(await exportAs({ use: 'marketing-face-hidden', format: 'pdf', blurBoxes: [{ photo: 'first', x: 0.2, y: 0.1, width: 0.6, height: 0.6 }] })).toMatchObject({
      outcome: 'refused',
      reason: 'face-must-be-hidden',
    });
    const result = await exportAs(
      {
        use: 'marketing-face-hidden',
        format: 'pdf',
        blurBoxes: [
          { photo: 'first', x: 0.2, y: 0.1, width: 0.6, height: 0.6 },
          { photo: 'second', x: 0.2, y: 0.1, width: 0.6, height: 0.6 },
        ],
      },
      'comparison.pdf',
    );
    expect(result).toEqual({ outcome: 'saved', fileName: 'comparison.pdf' });
    expect(readFileSync(join(out.path, 'comparison.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('as a PDF for the clinical record: upright faces side by side on a page turned sideways, lined up', async () => {
    store.setConsent(store.clientId, clinicalOnly);
    store.photos.saveAlignment(
      store.admin.id,
      before.id,
      after.id,
      [
        { x: 0.36, y: 0.43 },
        { x: 0.64, y: 0.43 },
      ],
      [
        { x: 0.38, y: 0.42 },
        { x: 0.62, y: 0.45 },
      ],
    );
    const result = await exportAs({ use: 'clinical', format: 'pdf', watermark: 'Test Clinic \u2014 clinical record' }, 'comparison.pdf');
    expect(result).toEqual({ outcome: 'saved', fileName: 'comparison.pdf' });
    const pdf = readFileSync(join(out.path, 'comparison.pdf')).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    if (process.env.SKINLEDGER_KEEP_EXPORT) writeFileSync(process.env.SKINLEDGER_KEEP_EXPORT, readFileSync(join(out.path, 'comparison.pdf')));
  });

  it('the blur box really hides what is under it', async () => {
    store.setConsent(store.clientId, everyUse);
    const box = { x: 0.25, y: 0.2, width: 0.5, height: 0.5 };
    await exportAs({ use: 'marketing-face-visible', format: 'jpeg', applyAlignment: false }, 'plain.jpg');
    await exportAs({ use: 'marketing-face-visible', format: 'jpeg', applyAlignment: false, blurBoxes: [{ photo: 'first', ...box }] }, 'blurred.jpg');
    const preview = store.photos.view(store.admin.id, before.id, 'preview');
    const region = { left: 40 + Math.round(preview.width * 0.35), top: 110 + Math.round(preview.height * 0.3), width: Math.round(preview.width * 0.3), height: Math.round(preview.height * 0.3) };
    // The region holds an eye (dark brown, red channel about 59): blurred away, nothing that dark is left.
    const darkest = async (file: string) => (await sharp(await sharp(join(out.path, file)).extract(region).png().toBuffer()).stats()).channels[0]!.min;
    expect(await darkest('plain.jpg')).toBeLessThan(90);
    expect(await darkest('blurred.jpg')).toBeGreaterThan(130);
  });
});
