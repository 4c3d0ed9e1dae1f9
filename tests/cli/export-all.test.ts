import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-export-all-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sortedLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split('\t').slice(1).join('\t'))
    .sort();

describe('export-all, and walking back in with import-clients', () => {
  it('exports every client and the clinic into a whole folder; its clients.csv imported into a new store gives the same clients', async () => {
    const store = join(root, 'store');
    expect((await runCli(['init', '--data', store, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
    expect((await runCli(['seed-demo', '--data', store, '--user', admin, '--clients', '25', '--consents', '0'], { password })).code).toBe(0);
    const to = join(root, 'usb');
    mkdirSync(to);
    const run = await runCli(['export-all', '--data', store, '--user', admin, '--to', to], { password });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Exported 25 clients \(\d+ files\) to .*SkinLedger export \d{4}-\d{2}-\d{2}\. It is not encrypted/m);
    const [folderName, ...others] = readdirSync(to);
    expect(others).toEqual([]);
    expect(folderName).not.toMatch(/partial/);
    const folder = join(to, folderName!);
    expect(readdirSync(folder).sort()).toEqual(['README.txt', 'audit-trail.csv', 'clients', 'clients.csv', 'consent-templates', 'staff.csv']);
    expect(readdirSync(join(folder, 'clients'))).toHaveLength(25);
    const someone = readdirSync(join(folder, 'clients'))[0]!;
    expect(existsSync(join(folder, 'clients', someone, 'index.pdf'))).toBe(true);
    expect(readFileSync(join(folder, 'staff.csv'), 'utf8')).toContain('Ann Admin,Admin,Yes');
    expect(readdirSync(join(folder, 'consent-templates')).length).toBeGreaterThan(0);

    const fresh = join(root, 'fresh');
    expect((await runCli(['init', '--data', fresh, '--clinic', 'New Clinic', '--admin', admin], { password })).code).toBe(0);
    const imported = await runCli(['import-clients', '--data', fresh, '--user', admin, '--file', join(folder, 'clients.csv'), '--report', join(root, 'report.csv')], { password });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Added 25, left 0 recorded clients as they are, filled in 0, could not import 0.');
    const before = await runCli(['clients', 'list', '--data', store, '--user', admin], { password });
    const after = await runCli(['clients', 'list', '--data', fresh, '--user', admin], { password });
    expect(sortedLines(after.stdout)).toEqual(sortedLines(before.stdout));
  }, 300_000);
});
