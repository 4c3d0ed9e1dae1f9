import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PhotoFileStore } from '../../../main/photos/photo-file-store';
import { photoFileKinds } from '../../../main/photos/photo-file-names';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

export const former = { name: 'Fred Former', password: 'fred-kept-his-password' };
export const colleague = { name: 'Rita Reception', password: 'rita-own-password-1' };

/**
 * A clinic about to change its data key: the admin, a colleague who stays, a practitioner who
 * leaves, clients and photos (rows and sealed files, written directly: the photo worker is not
 * what is tested here).
 */
export async function rekeyClinic(options: { photos?: number } = {}) {
  const folder = tempFolder('skinledger-rekey-');
  const dataDir = join(folder.path, 'data');
  const backupsDir = join(folder.path, 'backups');
  mkdirSync(backupsDir);
  const clock = new TestClock();
  const store = await createTestStore(dataDir, clock);
  const { services, admin } = store;
  const stays = await services.staff.add(admin.id, { name: colleague.name, role: 'reception', password: colleague.password });
  const leaves = await services.staff.add(admin.id, { name: former.name, role: 'practitioner', password: former.password });
  const clients = [0, 1, 2].map((i) => services.clients.create(admin.id, { firstName: `Client${i}`, lastName: 'Rekey', notes: `ALLERGY note ${i}` }, { allowDuplicate: true }));
  const files = new PhotoFileStore(dataDir, store.dataKey);
  const photoBytes = new Map<string, Buffer>();
  for (let i = 0; i < (options.photos ?? 3); i++) {
    const id = randomUUID();
    const bytes = Object.fromEntries(photoFileKinds.map((kind) => [kind, randomBytes(2000 + i)])) as Record<(typeof photoFileKinds)[number], Buffer>;
    for (const kind of photoFileKinds) files.write(id, kind, bytes[kind]);
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const now = clock.now().toISOString();
    services.db
      .prepare(
        `INSERT INTO photo (id, client_id, view, stage, taken_at, taken_at_source, width, height, format, sha256, source_sha256, preview_sha256, thumbnail_sha256, imported_at, imported_by, updated_at)
         VALUES (?, ?, 'front', 'before', ?, 'imported', 10, 10, 'jpeg', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, clients[i % clients.length]!.id, now, hash(bytes.original), hash(bytes.original), hash(bytes.preview), hash(bytes.thumb), now, admin.id, now);
    photoBytes.set(id, bytes.original);
  }
  files.close();
  return { ...store, folder, dataDir, backupsDir, clock, stays, leaves, clients, photoBytes };
}

export type RekeyClinic = Awaited<ReturnType<typeof rekeyClinic>>;
