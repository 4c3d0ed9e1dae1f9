import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../main/store/store-error';
import { syntheticFaceJpeg } from '../../support/photo-fixtures';
import { tempFolder } from '../../support/temp-folder';
import { auditRows, clinicalOnly, openPhotoStore, type PhotoStore } from './photo-store';

let folder: ReturnType<typeof tempFolder>;
let store: PhotoStore;
const labels = { view: 'front' as const, stage: 'before' as const };

beforeEach(async () => {
  folder = tempFolder('skinledger-photo-gate-');
  store = await openPhotoStore(folder.path);
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

async function importOne(by: string, override?: { reason: string }) {
  const bytes = await syntheticFaceJpeg({ width: 640, height: 480, hue: 120, seed: Math.floor(Math.random() * 1000) });
  return store.photos.import(by, { clientId: store.clientId, labels, files: [{ fileName: 'old.jpg', bytes }], ...(override ? { override } : {}) });
}

function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof StoreError)) throw error;
      return { code: error.code, message: error.message };
    },
  );
}

describe('photos and photography consent', () => {
  it('refuses an import with no photography consent in force, names the reason, and writes nothing', async () => {
    store.setConsent(store.clientId, null);
    expect(await refusal(importOne(store.admin.id))).toEqual({ code: 'NEEDS_OVERRIDE', message: expect.stringMatching(/no photography consent in force/) });
    expect(store.photos.count()).toBe(0);
    expect(auditRows(store, 'photo.import')).toHaveLength(0);
  });

  it('refuses when the consent in force does not cover the clinical record', async () => {
    store.setConsent(store.clientId, { ...clinicalOnly, clinicalRecord: false, teaching: true });
    expect(await refusal(importOne(store.admin.id))).toMatchObject({ code: 'NEEDS_OVERRIDE', message: expect.stringMatching(/does not cover photos in the clinical record/) });
  });

  it('lets an admin add photos without consent with a reason, kept on each photo and audited', async () => {
    store.setConsent(store.clientId, null);
    const [result] = await importOne(store.admin.id, { reason: 'Photos from the clinic\u2019s old system, 2019' });
    if (result?.outcome !== 'imported') throw new Error('not imported');
    expect(result.photo.consentOverride).toEqual({ reason: 'Photos from the clinic\u2019s old system, 2019', by: store.admin.id, byName: 'Ada Admin' });
    expect(auditRows(store, 'photo.import')[0]!.detail).toMatch(/consent-override=yes reason-chars=\d+$/);
    expect(auditRows(store, 'photo.import')[0]!.detail).not.toContain('old system');
  });

  it('refuses the override from a practitioner', async () => {
    store.setConsent(store.clientId, null);
    const practitioner = await store.services.staff.add(store.admin.id, { name: 'Pia Practitioner', role: 'practitioner', password: 'practitioner password 1' });
    expect(await refusal(importOne(practitioner.id, { reason: 'Older photos from paper file' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(store.photos.count()).toBe(0);
  });

  it('with a consent in force, an override is not needed and not recorded', async () => {
    const [result] = await importOne(store.admin.id, { reason: 'Not needed here at all' });
    expect(result?.outcome === 'imported' && result.photo.consentOverride).toBeNull();
  });
});
