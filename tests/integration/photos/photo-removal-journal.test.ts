import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../main/app';
import { checkOrphanPhotoFiles } from '../../../main/cli/checks/photo-orphans';
import { checkPhotoFiles } from '../../../main/cli/checks/photo-files';
import { photoFileKinds, photoFilePath } from '../../../main/photos/photo-file-names';
import { findOrphanPhotoFiles } from '../../../main/photos/photo-orphans';
import { clientRecordErasers } from '../../../main/retention/client-erasers';
import { purgeClientRows } from '../../../main/retention/client-purge';
import { purgeClientConsents } from '../../../main/consents/purge-gate';
import { syntheticFaceJpeg } from '../../support/photo-fixtures';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let services: Services;
let dataKey: Buffer;
let adminId: string;

beforeEach(async () => {
  folder = tempFolder('skinledger-photo-removal-');
  const store = await createTestStore(folder.path);
  services = store.services;
  dataKey = store.dataKey;
  adminId = store.admin.id;
});
afterEach(async () => {
  await services.photos.close();
  services.close();
  folder.remove();
});

async function clientWithPhotos(lastName: string, count: number): Promise<{ clientId: string; photoIds: string[] }> {
  const client = services.clients.create(adminId, { firstName: 'Jo', lastName });
  const files = await Promise.all(
    Array.from({ length: count }, async (_, i) => ({ fileName: `${i}.jpg`, bytes: await syntheticFaceJpeg({ width: 320, height: 240, hue: 40 * i, seed: i + lastName.length }) })),
  );
  const results = await services.photos.import(adminId, {
    clientId: client.id,
    labels: { view: 'front', stage: 'before' },
    files,
    override: { reason: 'older photos brought over from paper records' },
  });
  return { clientId: client.id, photoIds: results.map((r) => (r.outcome === 'imported' ? r.photo.id : '')).filter(Boolean) };
}

const filesOf = (id: string) => photoFileKinds.map((kind) => photoFilePath(folder.path, id, kind));

async function reopen(): Promise<void> {
  await services.photos.close();
  services.close();
  services = openServices(folder.path, dataKey, { clock: new TestClock() });
}

describe('photo files of deleted rows: queued in the same transaction, finished at the next open', () => {
  it('a purge that dies after its commit and before removing the files: the next open removes them', async () => {
    const { clientId, photoIds } = await clientWithPhotos('Purged', 2);
    const kept = await clientWithPhotos('Kept', 1);
    expect(photoIds).toHaveLength(2);
    // The purge's transaction, committed, and then the process "dies": no file eraser runs.
    purgeClientRows(services.db, services.audit, [(_db, id) => services.photos.erasePhotoRows(id), (db, id) => purgeClientConsents(db, id), ...clientRecordErasers], {
      by: adminId,
      clientId,
      reason: 'erasure-request',
      note: 'asked in writing',
      at: new Date().toISOString(),
    });
    for (const path of photoIds.flatMap(filesOf)) expect(existsSync(path)).toBe(true);
    expect(services.db.prepare('SELECT photo_id FROM photo_file_removal ORDER BY photo_id').pluck().all()).toEqual([...photoIds].sort());
    expect(checkOrphanPhotoFiles(services)).toMatchObject({ ok: false, detail: expect.stringContaining('6 files no photo record points at (6 of them from deleted photos') });

    await reopen();
    for (const path of photoIds.flatMap(filesOf)) expect(existsSync(path)).toBe(false);
    for (const path of kept.photoIds.flatMap(filesOf)) expect(existsSync(path)).toBe(true);
    expect(services.db.prepare('SELECT count(*) FROM photo_file_removal').pluck().get()).toBe(0);
    expect(checkOrphanPhotoFiles(services)).toEqual({ name: 'photo files without a record', ok: true, detail: 'none among 3 files' });
    expect(checkPhotoFiles(services).ok).toBe(true);
  });

  it('a purge that completes removes the files and clears the queue at once', async () => {
    const { clientId, photoIds } = await clientWithPhotos('Gone', 1);
    const result = await services.retention.purgeClient(adminId, { clientId, reason: 'erasure-request', note: 'asked', confirmation: 'Jo Gone' });
    expect(result.filesErased).toBe(true);
    for (const path of photoIds.flatMap(filesOf)) expect(existsSync(path)).toBe(false);
    expect(services.db.prepare('SELECT count(*) FROM photo_file_removal').pluck().get()).toBe(0);
  });

  it('a photo deleted by an admin is queued too, so a removal cut off is finished at the next open', async () => {
    const { photoIds } = await clientWithPhotos('Deleted', 1);
    const id = photoIds[0]!;
    // The delete's transaction as it commits, without the removal after it.
    services.db.transaction(() => {
      services.db.prepare('DELETE FROM photo WHERE id = ?').run(id);
      services.db.prepare(`INSERT INTO photo_file_removal (photo_id, queued_at) VALUES (?, 'x')`).run(id);
    })();
    await reopen();
    for (const path of filesOf(id)) expect(existsSync(path)).toBe(false);
  });
});

describe('verify: photo files and their records', () => {
  it('names a file with no record, a stray .partial and a record with no file', async () => {
    const { photoIds } = await clientWithPhotos('Checked', 2);
    const stray = photoFilePath(folder.path, '0123abcd-0000-4000-8000-000000000000', 'thumb');
    mkdirSync(dirname(stray), { recursive: true });
    writeFileSync(stray, 'not a record');
    writeFileSync(`${photoFilePath(folder.path, photoIds[0]!, 'original')}.partial`, 'half');
    const orphans = findOrphanPhotoFiles(services.db, folder.path);
    expect(orphans.orphans).toEqual([`photos/01/0123abcd-0000-4000-8000-000000000000.thumb`, `photos/${photoIds[0]!.slice(0, 2)}/${photoIds[0]}.original.partial`].sort());
    expect(orphans.files).toBe(8);
    expect(checkOrphanPhotoFiles(services)).toMatchObject({ ok: false, detail: expect.stringContaining('2 files no photo record points at') });

    const missing = photoFilePath(folder.path, photoIds[1]!, 'preview');
    writeFileSync(join(folder.path, 'unrelated.txt'), 'outside photos/ is not looked at');
    rmSync(missing);
    expect(checkPhotoFiles(services)).toMatchObject({ ok: false, detail: expect.stringContaining(`photo ${photoIds[1]} preview missing`) });
  });
});
