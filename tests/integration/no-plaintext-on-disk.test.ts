import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore } from '../support/store';
import { filesUnder, findMarker, tempFolder } from '../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

/**
 * Writes known marker text through the services, in every field that can hold a clinic's
 * words, then looks for it in every byte under the data folder: database, WAL, SHM, key file.
 */
describe('no plaintext on disk', () => {
  it('finds no marker text under the data folder, while open (WAL) and after closing', async () => {
    const marker = 'MARKER-Zoë-Nguyễn-7f3a9';
    const { services, admin } = await createTestStore(folder.path);
    services.settings.update(admin.id, {
      ...services.settings.get(),
      clinicName: `${marker} clinic`,
      clinicAddress: `${marker} street`,
      clinicPhone: '+44 7700 900123',
    });
    await services.staff.add(admin.id, { name: `${marker} nurse`, role: 'practitioner', password: 'a long enough password' });
    // A write bigger than a page, so the WAL holds real content when scanned.
    services.audit.append({ staffId: admin.id, action: 'settings.update', detail: `${marker} `.repeat(400) });

    const whileOpen = filesUnder(folder.path).map((f) => f.split('/').pop());
    expect(whileOpen).toContain('skinledger.db-wal');
    expect(findMarker(folder.path, marker)).toEqual([]);
    expect(findMarker(folder.path, '+44 7700 900123')).toEqual([]);

    services.close();
    expect(findMarker(folder.path, marker)).toEqual([]);
  });

  it('the scan would find the marker if it were there (the check can fail)', async () => {
    const { services } = await createTestStore(folder.path);
    services.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${folder.path}/leak.txt`, 'MARKER-Zoë-Nguyễn-7f3a9');
    expect(findMarker(folder.path, 'MARKER-Zoë-Nguyễn-7f3a9')).toEqual(['leak.txt']);
  });
});
