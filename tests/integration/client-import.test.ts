import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { readClientList } from '../../main/import/read-client-list';
import { guessMapping } from '../../shared/import/import-fields';
import { createTestStore } from '../support/store';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function clinic() {
  const dataDir = mkdtempSync(join(tmpdir(), 'skinledger-import-'));
  folders.push(dataDir);
  return createTestStore(dataDir);
}

const otherSystem = [
  'Client Name;DOB;Mobile;Email;Notes',
  'Zoë Brontë;01/02/1985;07700 900111;zoe@example.com;Likes “quiet” rooms',
  'Anna Smith;15/06/1990;;;',
  'Madonna;01/01/1970;;;one word',
  'Zoe Bronte;01/02/1985;;;same person as line 2 by phone? no: by name and birth',
  'Ben Jones;31/02/1980;;;no such day',
  'Cara Doyle;;07700 900222;;',
].join('\r\n');

describe('importing clients from another system', () => {
  it('dry run writes nothing and says what would happen to each row', async () => {
    const { services, admin } = await clinic();
    services.clients.create(admin.id, { firstName: 'Cara', lastName: 'Doyle', phone: '07700 900222' });
    const list = readClientList(iconv.encode(otherSystem, 'windows-1252'));
    const mapping = guessMapping(list.headers);
    expect(mapping).toEqual(['fullName', 'dateOfBirth', 'phone', 'email', 'notes']);
    const before = services.clients.count();
    const plan = services.clientImport.plan(list, mapping, 'dmy');
    expect(services.clients.count()).toBe(before);
    expect(plan.counts).toEqual({ rows: 6, add: 2, match: 2, bad: 2 });
    expect(plan.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, 'add'],
      [3, 'add'],
      [4, 'bad'],
      [5, 'match'],
      [6, 'bad'],
      [7, 'match'],
    ]);
    expect(plan.rows[3]!.details[0]).toBe('Matches the client on line 2 (same name and date of birth).');
    expect(plan.rows[5]!.details[0]).toBe('Matches Cara Doyle (same phone).');
  });

  it('imports, audits the file and counts, and adds nobody when the same file is imported again', async () => {
    const { services, admin } = await clinic();
    const list = readClientList(iconv.encode(otherSystem, 'windows-1252'));
    const options = { fileName: 'old-system.csv', mapping: guessMapping(list.headers), dateOrder: 'dmy' as const, matching: 'skip' as const };
    const progress: number[] = [];
    const first = await services.clientImport.run(admin.id, list, { ...options, onProgress: (done) => progress.push(done) });
    expect([first.added, first.skipped, first.notImported]).toEqual([3, 1, 2]);
    expect(progress.at(-1)).toBe(6);
    const zoe = services.clients.find('zoe', { offset: 0, limit: 5 });
    expect(zoe.clients.map((client) => `${client.firstName} ${client.lastName}`)).toEqual(['Zoë Brontë']);
    expect(services.clients.get(zoe.clients[0]!.id).notes).toBe('Likes “quiet” rooms');

    const again = await services.clientImport.run(admin.id, list, options);
    expect([again.added, again.skipped, again.notImported]).toEqual([0, 4, 2]);
    expect(services.clients.count()).toBe(3);

    const entries = services.db.prepare(`SELECT detail FROM audit_event WHERE action = 'client.import' ORDER BY seq`).all() as { detail: string }[];
    expect(entries).toHaveLength(2);
    expect(entries[0]!.detail).toContain('file=old-system.csv');
    expect(entries[0]!.detail).not.toContain('Brontë');
  });

  it('merges into a recorded client only what the record lacks, never replacing a value', async () => {
    const { services, admin } = await clinic();
    const cara = services.clients.create(admin.id, { firstName: 'Cara', lastName: 'Doyle', phone: '07700 900222', email: 'cara@clinic.example', notes: 'Recorded here.' });
    const list = readClientList(Buffer.from('First,Last,Phone,Email,DOB,Notes\nCara,Doyle,07700900222,other@example.com,02/03/1991,From the old system\n'));
    const result = await services.clientImport.run(admin.id, list, { fileName: 'x.csv', mapping: guessMapping(list.headers), dateOrder: 'dmy', matching: 'merge' });
    expect(result.merged).toBe(1);
    const after = services.clients.get(cara.id);
    expect(after.email).toBe('cara@clinic.example');
    expect(after.dateOfBirth).toBe('1991-03-02');
    expect(after.notes).toBe('Recorded here.\n\nImported from x.csv on 2026-11-25:\nFrom the old system');
  });

  it('stops at a batch boundary when cancelled, and says how many rows were not reached', async () => {
    const { services, admin } = await clinic();
    const lines = ['First,Last,DOB', ...Array.from({ length: 1200 }, (_, i) => `Client${i},Family${i},01/01/1980`)];
    const list = readClientList(Buffer.from(lines.join('\n')));
    const controller = new AbortController();
    const result = await services.clientImport.run(admin.id, list, {
      fileName: 'big.csv',
      mapping: guessMapping(list.headers),
      dateOrder: 'dmy',
      matching: 'skip',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(result).toMatchObject({ cancelled: true, added: 500, notReached: 700 });
    expect(services.clients.count()).toBe(500);
  });

  it('refuses a mapping without names before reading a row', async () => {
    const { services } = await clinic();
    const list = readClientList(Buffer.from('Phone,Notes\n123,x\n'));
    expect(() => services.clientImport.plan(list, ['phone', 'notes'], 'dmy')).toThrow('Choose the columns with the first and last name, or one column with the full name.');
  });
});
