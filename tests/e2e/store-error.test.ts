import { readFileSync, writeFileSync } from 'node:fs';
import { testDesktop } from '../support/desktop';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/bridge/dispatch';
import { systemClock } from '../../main/clock';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { storeMessages } from '../../main/store/store-error';
import { Vault } from '../../main/vault/vault';
import { answeredHistory } from '../support/medical-history';
import { snapshotFolder, tempFolder } from '../support/temp-folder';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, clinicScrypt, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

describe('a data folder that cannot be opened', () => {
  it('names the damaged key file, offers nothing destructive and leaves every byte as it was', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    writeFileSync(join(dataDir, 'keyslots.json'), '{"version": 1, "slots": [ this is not json');
    const before = snapshotFolder(dataDir);

    const app = await harness.launch({ dataDir });
    const { page } = app;
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    await expect(page.getByTestId('store-error-message').textContent()).resolves.toMatch(/key file \(keyslots\.json\) is damaged/);
    await page.getByText('KEY_FILE_DAMAGED').waitFor();
    await checkAccessibility(page, 'store error');
    await saveScreenshot(page, '13-store-error');

    // Nothing on this screen may set up, reset, delete or sign in: only a restore (which keeps
    // the damaged folder aside) and a re-check.
    const buttons = await page.getByRole('button').allTextContents();
    expect(buttons).toEqual(['Restore from a backup…', 'Check again']);
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    expect(app.calls.map((call) => call.channel)).toEqual(['app.status', 'app.status']);

    await app.close();
    expect(snapshotFolder(dataDir)).toEqual(before);
  });
});

/**
 * A client with a medical history, then more clients after it, so the history's pages sit in
 * the middle of the file; the home screen never reads them, so a running app meets them only
 * when that client's record is opened.
 */
async function clinicWithHistory(dataDir: string): Promise<void> {
  await createClinic(dataDir, { keySlots: 'test' });
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'test', scrypt: clinicScrypt });
  const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true });
  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatch(channel, input, { frameUrl: 'app://skinledger/index.html' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    await ok('session.login', { name: clinic.admin.name, password: clinic.admin.password });
    const client = await ok<{ id: string }>('clients.create', { fields: { firstName: 'Nadia', lastName: 'Okafor', dateOfBirth: '1988-02-03' }, allowDuplicate: false });
    for (let i = 0; i < 3; i++) await ok('medicalHistory.record', { clientId: client.id, answers: answeredHistory() });
    for (let i = 0; i < 8; i++) await ok('clients.create', { fields: { firstName: `Later${i}`, lastName: 'Client', notes: 'n'.repeat(1500) }, allowDuplicate: true });
  } finally {
    runtime.close();
  }
}

/** The pages of one table, read from a copy of the closed store (the store itself is not opened). */
async function pagesOf(dataDir: string, table: string): Promise<{ pages: number[]; pageSize: number; pageCount: number }> {
  const { dataKey } = await new Vault(dataDir, { clock: systemClock, scrypt: clinicScrypt }).unlockWithPassword(clinic.admin.name, clinic.admin.password);
  const scratch = tempFolder();
  try {
    const copy = join(scratch.path, 'copy.db');
    writeFileSync(copy, readFileSync(join(dataDir, 'skinledger.db')));
    const db = new Database(copy);
    try {
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
      const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(table) as { pageno: number }[]).map((row) => row.pageno);
      return { pages, pageSize: db.pragma('page_size', { simple: true }) as number, pageCount: db.pragma('page_count', { simple: true }) as number };
    } finally {
      db.close();
    }
  } finally {
    dataKey.fill(0);
    scratch.remove();
  }
}

describe('a database found damaged while the app is in use', () => {
  it('opening a record that meets the damage puts up the store-error screen with restore, and nothing more is written', async () => {
    const { dataDir } = harness.folders();
    await clinicWithHistory(dataDir);
    const { pages, pageSize, pageCount } = await pagesOf(dataDir, 'medical_history');
    const middle = pages.filter((page) => page > 1 && page < pageCount);
    expect(middle.length).toBeGreaterThan(0);

    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // The disk goes bad under the running app: bytes flip in the middle of the file.
    const database = join(dataDir, 'skinledger.db');
    const bytes = readFileSync(database);
    for (const damaged of middle) bytes[(damaged - 1) * pageSize + 300]! ^= 0xff;
    writeFileSync(database, bytes);

    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'Okafor');
    await page.getByRole('option', { name: /Okafor/ }).click();
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    await expect(page.getByTestId('store-error-message').textContent()).resolves.toBe(storeMessages.databaseDamaged);
    await page.getByText('DATABASE_DAMAGED').waitFor();
    await page.getByRole('button', { name: 'Restore from a backup…' }).waitFor();
    expect(await profileHeading(page, 'Nadia Okafor').count()).toBe(0);
    await checkAccessibility(page, 'store error, damaged database');
    await saveScreenshot(page, '13-store-error-damaged');
    const atDamage = snapshotFolder(dataDir);

    // Signed out by the damage: the app asks nothing more of the store, and closing it checkpoints nothing.
    expect(app.runtime.status()).toMatchObject({ state: 'store-error', staff: null });
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    await app.close();
    expect(snapshotFolder(dataDir)).toEqual(atDamage);
  });
});
