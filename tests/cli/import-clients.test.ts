import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;
let file: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-import-'));
  store = join(root, 'store');
  file = join(root, 'old system.csv');
  // Excel on Windows: Windows-1252, semicolons, no byte-order mark, CRLF.
  const lines = ['Surname;Forename;Birthday;Mobile;Loyalty', 'Brontë;Zoë;01/02/1985;07700 900111;12', 'Smith;Anna;15/06/1990;;3', 'Jones;;01/01/1980;;0'];
  writeFileSync(file, iconv.encode(lines.join('\r\n'), 'windows-1252'));
  expect((await runCli(['init', '--data', store, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('import-clients', () => {
  it('dry run says what would happen and writes nothing; the import adds; the same file again adds nobody', async () => {
    const dry = await runCli(['import-clients', '--data', store, '--user', admin, '--file', file, '--dry-run'], { password });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Read 3 rows (WINDOWS-1252, ";" between cells). Dates read as dmy.');
    expect(dry.stdout).toContain('  Loyalty → Leave out');
    expect(dry.stdout).toContain('Dry run, nothing written: 2 would be added, 0 match a recorded client (left as they are), 1 cannot be imported.');
    expect(dry.stdout).toContain('  line 4: No first name.');

    // The dry run wrote nothing: the import that follows adds both.
    const real = await runCli(['import-clients', '--data', store, '--user', admin, '--file', file], { password });
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('Added 2, left 0 recorded clients as they are, filled in 0, could not import 1.');
    const report = readFileSync(join(root, 'old system-import-report.csv'), 'utf8');
    expect(report).toContain('2,Added,Zoë Brontë,');
    expect(report).toContain('4,Not imported,Jones,No first name.');

    const again = await runCli(['import-clients', '--data', store, '--user', admin, '--file', file], { password });
    expect(again.stdout).toContain('Added 0, left 2 recorded clients as they are');
    const found = await runCli(['clients', 'list', '--data', store, '--user', admin, '--search', 'zoe'], { password });
    expect(found.stdout).toMatch(/\tZoë Brontë\t1985-02-01$/m);
  }, 180_000);

  it('takes a saved mapping and refuses a wrong one in words', async () => {
    const map = join(root, 'map.json');
    writeFileSync(map, JSON.stringify({ Loyalty: 'notes' }));
    const dry = await runCli(['import-clients', '--data', store, '--user', admin, '--file', file, '--map', map, '--dry-run'], { password });
    expect(dry.stdout).toContain('  Loyalty → Notes');
    writeFileSync(map, JSON.stringify({ Loyalty: 'shoeSize' }));
    const wrong = await runCli(['import-clients', '--data', store, '--user', admin, '--file', file, '--map', map], { password });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--map gives "Loyalty" the field "shoeSize"');
  });

  it('refuses an empty file and a picture with a sentence, before asking for a password', async () => {
    const empty = join(root, 'empty.csv');
    writeFileSync(empty, '');
    const run = await runCli(['import-clients', '--data', store, '--user', admin, '--file', empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The file is empty.');
    const picture = join(root, 'photo.csv');
    writeFileSync(picture, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
    const binary = await runCli(['import-clients', '--data', store, '--user', admin, '--file', picture]);
    expect(binary.stderr).toContain('This is not a text file.');
  });
});
