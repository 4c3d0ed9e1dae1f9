import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportClinic } from '../../main/clinic-export/export-clinic';
import { readClientList } from '../../main/import/read-client-list';
import type { Services } from '../../main/app';
import { guessMapping } from '../../shared/import/import-fields';
import { createTestStore } from '../support/store';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const temp = () => {
  const folder = mkdtempSync(join(tmpdir(), 'skinledger-clinic-export-'));
  folders.push(folder);
  return folder;
};
const noPhotos = async () => [];

function contactsOf(services: Services) {
  return (services.db.prepare('SELECT id FROM client').all() as { id: string }[])
    .map(({ id }) => {
      const { id: _id, createdAt: _c, updatedAt: _u, concerns: _k, archived: _a, ...rest } = services.clients.get(id);
      return rest;
    })
    .sort((a, b) => a.lastName.localeCompare(b.lastName));
}

describe('export everything, and its clients.csv imported back', () => {
  it('gives the same clients, every contact field and note included, even text that looks like a formula', async () => {
    const { services, admin } = await createTestStore(join(temp(), 'data'));
    services.clients.create(admin.id, {
      firstName: 'Zoë',
      lastName: 'Brontë',
      dateOfBirth: '1985-02-01',
      sex: 'female',
      phone: '07700 900111',
      email: 'zoe@example.com',
      address: '1 High St\nPenzance',
      gp: 'Dr Lee',
      fitzpatrick: 3,
      marketingConsent: true,
      notes: '=HYPERLINK("http://x","y")\nSecond line',
      pronouns: 'she/her',
      emergencyContact: 'Tom 07700 900999',
      preferredName: 'Zo',
      referralSource: 'Instagram',
    });
    services.clients.create(admin.id, { firstName: 'Søren', lastName: 'van der Berg', sex: 'not-stated' });
    services.clients.create(admin.id, { firstName: 'Анна', lastName: 'Иванова', dateOfBirth: '1990-06-15', phone: '+44 7700 900222' });

    const parent = temp();
    const result = await exportClinic({ services, by: admin.id, parent, photos: noPhotos });
    expect(result.clients).toBe(3);
    expect(readdirSync(parent)).toEqual([result.folder.split('/').pop()]);
    expect(readFileSync(join(result.folder, 'README.txt'), 'utf8')).toContain('This folder is NOT encrypted.');

    const other = await createTestStore(join(temp(), 'data'));
    const list = readClientList(readFileSync(join(result.folder, 'clients.csv')));
    const mapping = guessMapping(list.headers);
    expect(mapping).not.toContain('ignore');
    const imported = await other.services.clientImport.run(other.admin.id, list, { fileName: 'clients.csv', mapping, dateOrder: 'dmy', matching: 'skip' });
    expect(imported.added).toBe(3);
    expect(contactsOf(other.services)).toEqual(contactsOf(services));
  });

  it('leaves nothing named as an export when stopped', async () => {
    const { services, admin } = await createTestStore(join(temp(), 'data'));
    services.clients.create(admin.id, { firstName: 'Anna', lastName: 'Smith' });
    const parent = temp();
    const controller = new AbortController();
    controller.abort();
    await expect(exportClinic({ services, by: admin.id, parent, photos: noPhotos, signal: controller.signal })).rejects.toThrow('The export was stopped');
    expect(readdirSync(parent)).toEqual([]);
  });
});
