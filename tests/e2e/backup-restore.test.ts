import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../main/demo/seeded-random';
import { answeredHistory } from '../support/medical-history';
import { microneedlingForm } from '../support/consent-forms';
import { filesUnder } from '../support/temp-folder';
import { TestClock } from '../support/store';
import { recoveryKeyForms, secretsIn, type Secret } from '../trust/support/secret-scan';
import { sessionRecordSample } from '../trust/support/trust-clinic';
import type { LaunchedApp } from './harness';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { expectSignedIn, invokeFromPage, openNav, signIn } from './support/screens';
import { saveScreenshot } from './support/screenshots';
import { storeContent, type StoreContent } from './support/store-content';
import { frontPhoto } from './support/synthetic-photos';

const harness = useAppPerTest();

/** Names no log line or console message may carry (they are the test's secret markers too). */
const clients = [
  { firstName: 'Quillon', lastName: 'Ravensworth', notes: 'Backup-note-marker-a41c' },
  { firstName: 'Marisol', lastName: 'Thistlewood', notes: 'Backup-note-marker-b92e' },
  { firstName: 'Oksana', lastName: 'Pemberthy', notes: null },
] as const;

async function ok<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await invokeFromPage(page, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

/** A few clients, each with a medical history; two with a course and a session, through the real bridge. */
async function seedClients(page: Page): Promise<void> {
  for (const [index, client] of clients.entries()) {
    const created = await ok<{ id: string }>(page, 'clients.create', {
      fields: { firstName: client.firstName, lastName: client.lastName, dateOfBirth: `198${index}-03-0${index + 1}`, phone: `07700 90012${index}` },
      allowDuplicate: false,
    });
    await ok(page, 'medicalHistory.record', { clientId: created.id, answers: answeredHistory() });
    if (!client.notes) continue;
    const course = await ok<{ id: string }>(page, 'courses.create', {
      clientId: created.id,
      course: { indication: 'acne-scarring', plannedSessions: 6, intervalWeeks: 4, startedOn: '2026-11-01' },
    });
    await ok(page, 'sessions.record', {
      clientId: created.id,
      courseId: course.id,
      record: sessionRecordSample(client.notes),
      depthsConfirmed: false,
      noConsentReason: 'Test clinic: no consent form signed.',
    });
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface SignedAndPhotographed {
  consentId: string;
  /** The consent row's stored PDF hash, and the hash of the PDF bytes read back: the same. */
  pdfSha256: string;
  photoId: string;
  /** SHA-256 of the decrypted stored original, and the hash its row recorded at import: the same. */
  photoSha256: string;
}

/** The first client signs a microneedling consent (ink and all) and has one photo imported, through the services. */
async function signConsentAndImportPhoto(app: LaunchedApp): Promise<SignedAndPhotographed> {
  const { services, staff } = app.runtime.current();
  const clientId = services.clients.find(clients[0].lastName, { offset: 0, limit: 1 }).clients[0]!.id;
  const signed = await services.consents.sign(staff.id, clientId, null, await microneedlingForm(services, new SeededRandom(11), 'None in the last month'));
  const [imported] = await services.photos.import(staff.id, {
    clientId,
    labels: { view: 'front', stage: 'before' },
    files: [{ fileName: 'front.jpg', bytes: await frontPhoto(), source: 'file' }],
  });
  if (imported?.outcome !== 'imported') throw new Error(`The photo was not imported: ${JSON.stringify(imported)}`);
  const stored = storedHashes(app, signed.id, imported.photo.id);
  expect(stored.pdfSha256).toBe(signed.pdfSha256);
  expect(stored.photoSha256).toBe(imported.photo.sha256);
  return stored;
}

/** Reads the consent's PDF and the photo's original back through the services and checks each against its row's hash. */
function storedHashes(app: LaunchedApp, consentId: string, photoId: string): SignedAndPhotographed {
  const { services, staff } = app.runtime.current();
  const row = services.db.prepare('SELECT pdf_sha256 FROM consent WHERE id = ?').get(consentId) as { pdf_sha256: string } | undefined;
  expect(row, 'the consent row').toBeDefined();
  const pdfSha256 = sha256(services.consents.pdf(staff.id, consentId, 'open').bytes);
  expect(pdfSha256).toBe(row!.pdf_sha256);
  const photoSha256 = sha256(services.photos.view(staff.id, photoId, 'original').bytes);
  expect(photoSha256).toBe(services.photos.get(photoId).sha256);
  return { consentId, pdfSha256, photoId, photoSha256 };
}

async function setUpThroughScreen(app: LaunchedApp): Promise<string> {
  const { page } = app;
  await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
  await page.getByLabel('Clinic name').fill(clinic.name);
  await page.getByLabel('Your name').fill(clinic.admin.name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.admin.password);
  await page.getByLabel('Type the password again').fill(clinic.admin.password);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
  const recoveryKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
  expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);
  await page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue to SkinLedger' }).click();
  await expectSignedIn(page);
  return recoveryKey;
}

async function openBackupSettings(page: Page): Promise<void> {
  await openNav(page, 'Settings');
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('heading', { name: 'Backup folder' }).waitFor();
}

/** Settings → Backups: choose the folder through the (test-played) dialog and back up with the button. */
async function backUpThroughScreen(app: LaunchedApp, backupDir: string): Promise<string> {
  const { page } = app;
  await openBackupSettings(page);
  app.dialogs.folder = backupDir;
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await expect.poll(() => page.getByTestId('backup-folder').textContent()).toBe(backupDir);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await page.getByText('Backup made').waitFor();
  // The outcome also stays beside the button, in words and the clinic's date order.
  const outcome = page.getByRole('status').filter({ hasText: /^Backed up \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}: .+\.slbackup was written \(\d+ clients?\)\.$/ });
  await outcome.waitFor();
  expect(await page.getByText(/\b1 clients\b/).count()).toBe(0);
  const list = page.getByTestId('backup-list');
  await list.getByText('Checked').waitFor();
  await expect(list.getByRole('row').nth(1).getByRole('cell').first().innerText()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}\n\d{2}:\d{2}$/);
  const files = readdirSync(backupDir).filter((name) => name.endsWith('.slbackup'));
  expect(files).toHaveLength(1);
  return join(backupDir, files[0]!);
}

/** The restore dialog's steps, as the clinic goes through them, up to the result. */
async function restoreThroughDialog(app: LaunchedApp, backupFile: string, recoveryKey: string, shots?: { chosen: string; result: string }): Promise<number> {
  const { page } = app;
  const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  await dialog.waitFor();
  app.dialogs.openPath = backupFile;
  await dialog.getByRole('button', { name: 'Choose backup file…' }).click();
  await dialog.getByTestId('restore-chosen').waitFor();
  await expect(dialog.getByTestId('restore-chosen').textContent()).resolves.toContain(backupFile.split('/').pop());
  // A mistyped key: a clear message, nothing restored, the form still there.
  await dialog.getByRole('textbox', { name: 'Recovery key' }).fill('AAAAA-BBBBB');
  await dialog.getByRole('button', { name: 'Check and restore' }).click();
  await dialog
    .getByRole('alert')
    .getByText(/That recovery key does not open this backup/)
    .waitFor();
  await dialog.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
  if (shots) {
    await checkAccessibility(page, 'restore dialog');
    await saveScreenshot(page, shots.chosen);
  }
  await dialog.getByRole('button', { name: 'Check and restore' }).click();
  await dialog.getByTestId('restore-result').waitFor({ timeout: 120_000 });
  const counts = (await dialog.getByTestId('restore-counts').textContent()) ?? '';
  expect(counts).toContain(`Clients: ${clients.length}`);
  expect(counts).toContain('Sessions: 2');
  if (shots) {
    await checkAccessibility(page, 'restore result');
    await saveScreenshot(page, shots.result);
  }
  const audit = /Audit entries: (\d+)/.exec(counts);
  expect(audit).not.toBeNull();
  return Number(audit![1]);
}

/** Every client found by search and opened, after the restore. */
async function findEveryClient(app: LaunchedApp): Promise<void> {
  const { page } = app;
  await openNav(page, 'Clients');
  for (const client of clients) {
    await searchClients(page, app.calls, client.lastName);
    await page
      .getByRole('option', { name: new RegExp(client.lastName) })
      .first()
      .click();
    await profileHeading(page, `${client.firstName} ${client.lastName}`).waitFor();
    await openNav(page, 'Clients');
  }
}

/**
 * The same records: every table row for row, except what the clinic did after the backup was
 * made (its own audit rows and backup bookkeeping) and what the restore itself recorded; and
 * every file of the data folder but the live database, byte for byte (SHA-256).
 */
function expectSameRecords(before: StoreContent, after: StoreContent, auditRowsInBackup: number): void {
  expect([...after.tables.keys()]).toEqual([...before.tables.keys()]);
  for (const [table, rows] of before.tables) {
    const restored = after.tables.get(table)!;
    if (table === 'audit_event') {
      // The backup holds the trail up to its snapshot; the restore and the sign-ins since append to it.
      expect(rows.length).toBeGreaterThan(auditRowsInBackup);
      expect(restored.slice(0, auditRowsInBackup)).toEqual(rows.slice(0, auditRowsInBackup));
      expect(restored.length).toBeGreaterThan(auditRowsInBackup);
    } else if (table === 'audit_client_link') {
      // Each audit row's link to its client: the links of the rows the backup holds come back as they were.
      const inBackup = (list: string[]) => list.filter((row) => (JSON.parse(row) as [string, number])[1] <= auditRowsInBackup);
      expect({ table, rows: inBackup(restored) }).toEqual({ table, rows: inBackup(rows) });
    } else if (table === 'recent_client') {
      // Home's recent list is kept from the trail: the same clients, their latest look moving with it.
      const clients = (list: string[]) => list.map((row) => (JSON.parse(row) as [string, number])[0]).sort();
      expect({ table, clients: clients(restored) }).toEqual({ table, clients: clients(rows) });
    } else if (table === 'setting') {
      // The record of the last backup is written after its snapshot, so the backup cannot hold it.
      const clinicSettings = (list: string[]) => list.filter((row) => !row.startsWith('["backup.status"'));
      expect(clinicSettings(restored)).toEqual(clinicSettings(rows));
    } else {
      expect({ table, rows: restored }).toEqual({ table, rows });
    }
  }
  expect(after.files).toEqual(before.files);
  expect(Object.keys(before.files).length).toBeGreaterThan(0);
}

/** Every log file and console line of these launches, scanned for the test's secrets. */
function expectNoSecretsLogged(logDir: string, secrets: readonly Secret[]): void {
  const files = filesUnder(logDir);
  expect(files.length).toBeGreaterThan(0);
  const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  // The capture works: each launch's start line, and the wrong recovery key's message the window was shown.
  expect(text).toMatch(/ start version=/);
  expect(text).toContain('backup.restore.withoutSignIn WRONG_RECOVERY_KEY');
  expect(secretsIn(text, secrets)).toEqual([]);
}

// Three launches, production key costs, a backup and a restore each: generous on a loaded machine.
const long = { timeout: 400_000 };

describe('backup, wipe and restore on a new computer', () => {
  it('backs up through Settings, restores into an empty folder from the set-up screen with the recovery key, and gets back every record', long, async () => {
    const { dataDir, scratch } = harness.folders();
    const backupDir = join(scratch, 'usb-drive');
    const logDir = join(scratch, 'logs');
    rmSync(backupDir, { recursive: true, force: true });
    mkdirSync(backupDir);

    let app = await harness.launch({ dataDir, logDir });
    const recoveryKey = await setUpThroughScreen(app);
    await seedClients(app.page);
    const signedBefore = await signConsentAndImportPhoto(app);

    // Home says plainly that nothing is backed up yet.
    await openNav(app.page, 'Home');
    await app.page.getByTestId('backup-warning').getByText('No backup folder is chosen').waitFor();
    // In view at 1366×768 without scrolling, and choosing a folder is part of setting up.
    const warningBox = await app.page.getByTestId('backup-warning').boundingBox();
    expect(warningBox!.y + warningBox!.height).toBeLessThanOrEqual(app.page.viewportSize()!.height);
    await app.page.getByRole('region', { name: 'Finish setting up the clinic' }).getByText('Choose a backup folder, ideally on another drive').waitFor();
    await saveScreenshot(app.page, '58-home-backup-not-configured');

    const backupFile = await backUpThroughScreen(app, backupDir);
    await checkAccessibility(app.page, 'settings backups');
    await app.page.getByRole('heading', { name: 'Backups in the folder' }).scrollIntoViewIfNeeded();
    await saveScreenshot(app.page, '52-settings-backups');

    await openNav(app.page, 'Home');
    await app.page.getByTestId('backup-card').getByText('Backed up.', { exact: true }).waitFor();
    await expect(app.page.getByTestId('backup-card').textContent()).resolves.toContain(backupFile.split('/').pop());
    expect(await app.page.getByTestId('backup-warning').count()).toBe(0);
    await checkAccessibility(app.page, 'home with backup card');
    await app.page.getByTestId('backup-card').scrollIntoViewIfNeeded();
    await saveScreenshot(app.page, '50-home-backup-good');
    expect(app.faults).toEqual([]);
    await app.close();

    const before = storeContent(dataDir, recoveryKey);
    expect(before.tables.get('client')).toHaveLength(clients.length);

    // The computer is lost: the data folder is gone entirely.
    rmSync(dataDir, { recursive: true, force: true });

    app = await harness.launch({ dataDir, logDir });
    await app.page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    await app.page.getByRole('button', { name: 'Restore from a backup' }).click();
    const auditRows = await restoreThroughDialog(app, backupFile, recoveryKey, { chosen: '53-restore-on-setup', result: '55-restore-result' });
    await app.page.getByText('This computer had no records before, so nothing was replaced.').waitFor();
    await app.page.getByRole('button', { name: 'Continue to sign in' }).click();
    await signIn(app.page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(app.page);
    await findEveryClient(app);
    // The signed consent's PDF and the photo come back byte for byte: the same SHA-256 as before the backup.
    expect(storedHashes(app, signedBefore.consentId, signedBefore.photoId)).toEqual(signedBefore);
    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();

    expectSameRecords(before, storeContent(dataDir, recoveryKey), auditRows);

    expectNoSecretsLogged(logDir, [
      ...recoveryKeyForms(recoveryKey),
      { label: 'admin password', value: clinic.admin.password },
      ...clients.flatMap((client) => [
        { label: 'client first name', value: client.firstName },
        { label: 'client last name', value: client.lastName },
        ...(client.notes ? [{ label: 'session notes', value: client.notes }] : []),
      ]),
    ]);
  });

  it('restores over a damaged database from the store-error screen, keeping the damaged folder aside', long, async () => {
    const { dataDir, scratch } = harness.folders();
    const backupDir = join(scratch, 'nas-share');
    mkdirSync(backupDir);

    let app = await harness.launch({ dataDir });
    const recoveryKey = await setUpThroughScreen(app);
    await seedClients(app.page);
    const backupFile = await backUpThroughScreen(app, backupDir);
    await app.close();
    const before = storeContent(dataDir, recoveryKey);

    // Power-loss style damage: the database's first pages overwritten.
    const database = join(dataDir, 'skinledger.db');
    const bytes = readFileSync(database);
    bytes.fill(0x5a, 0, 8192);
    writeFileSync(database, bytes);

    app = await harness.launch({ dataDir });
    const { page } = app;
    // The damage shows at sign-in (the key file is sound, so the folder looks like a store until the database is read).
    const storeError = page.getByRole('heading', { name: 'The clinic’s records cannot be opened' });
    const signInHeading = page.getByRole('heading', { name: 'Sign in', level: 1 });
    await storeError.or(signInHeading).waitFor();
    if (await signInHeading.isVisible()) {
      await signIn(page, clinic.admin.name, clinic.admin.password);
      await storeError.waitFor();
    }
    await page.getByText('DATABASE_UNREADABLE').waitFor();
    await checkAccessibility(page, 'store error with restore');
    await saveScreenshot(page, '56-store-error-restore');

    await page.getByRole('button', { name: 'Restore from a backup…' }).click();
    const auditRows = await restoreThroughDialog(app, backupFile, recoveryKey);
    const keptAside = page.getByText(/kept in the folder “(.+)” beside the data folder/);
    await keptAside.waitFor();
    const folderName = /“(.+)”/.exec((await keptAside.textContent()) ?? '')![1]!;
    // The damaged store is kept, byte for byte, beside the restored one.
    expect(readFileSync(join(scratch, folderName, 'skinledger.db')).equals(bytes)).toBe(true);

    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    await findEveryClient(app);
    expect(app.faults).toEqual([]);
    await app.close();
    expectSameRecords(before, storeContent(dataDir, recoveryKey), auditRows);
  });

  it('warns on Home once the last good backup is older than the clinic set', long, async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const backupDir = join(scratch, 'usb-drive');
    mkdirSync(backupDir);
    const clock = new TestClock(new Date());
    const app = await harness.launch({ dataDir, clock });
    await signIn(app.page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(app.page);
    await backUpThroughScreen(app, backupDir);

    // Five days pass without a backup (the PC stayed on, the USB drive was left out).
    clock.advance(5 * 24 * 60 * 60 * 1000);
    await openNav(app.page, 'Home');
    const warning = app.page.getByTestId('backup-warning');
    await warning.getByText('The last good backup is 5 days old, older than the 2 days set.').waitFor();
    await checkAccessibility(app.page, 'home with overdue backup');
    await warning.scrollIntoViewIfNeeded();
    await saveScreenshot(app.page, '51-home-backup-overdue');
    expect(app.faults).toEqual([]);
  });

  it('warns at set-up when the data folder is on a network drive, and says where the live records and the backups belong', long, async () => {
    const app = await harness.launch({ networkShare: 'smb' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    const warning = page.getByTestId('network-share-warning');
    await warning.getByText('The data folder is on a network drive').waitFor();
    await expect(warning.textContent()).resolves.toMatch(/Windows share \(SMB\).*Keep the live records on this computer’s own disk, and send backups to the network drive/);
    await checkAccessibility(page, 'set-up on a network drive');
    await saveScreenshot(page, '57-setup-network-share-warning');
  });

  it(
    'an admin restores a listed backup from Settings over the open records: checked first, everyone signed out, the replaced records kept aside, then listed and deleted in Settings',
    long,
    async () => {
      const { dataDir, scratch } = harness.folders();
      await createClinic(dataDir, { keySlots: 'test' });
      const backupDir = join(scratch, 'usb-drive');
      mkdirSync(backupDir);
      const app = await harness.launch({ dataDir });
      const { page } = app;
      await signIn(page, clinic.admin.name, clinic.admin.password);
      await expectSignedIn(page);
      await seedClients(page);
      await backUpThroughScreen(app, backupDir);
      // A client added after the backup: the restore takes the records back to the backup's moment.
      await ok(page, 'clients.create', { fields: { firstName: 'Added', lastName: 'Afterwards' }, allowDuplicate: false });

      await page
        .getByTestId('backup-list')
        .getByRole('button', { name: /^Restore skinledger-backup-/ })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Replace the records with a backup' });
      await dialog.getByText('Restoring replaces the records on this computer').waitFor();
      await dialog.getByText('Staff name and password', { exact: true }).click();
      await dialog.getByRole('textbox', { name: 'Staff name' }).fill(clinic.admin.name);
      await dialog.getByLabel('Password', { exact: true }).fill('not the password at all');
      await dialog.getByRole('button', { name: 'Check and replace the records' }).click();
      await dialog
        .getByRole('alert')
        .getByText(/do not open this backup/)
        .waitFor();
      await dialog.getByLabel('Password', { exact: true }).fill(clinic.admin.password);
      await checkAccessibility(page, 'replace records dialog');
      await saveScreenshot(page, '59-settings-restore-replace');
      await dialog.getByRole('button', { name: 'Check and replace the records' }).click();
      await dialog.getByTestId('restore-result').waitFor({ timeout: 120_000 });
      const keptAside = dialog.getByText(/kept in the folder “(.+)” beside the data folder/);
      const folderName = /“(.+)”/.exec((await keptAside.textContent()) ?? '')![1]!;
      expect(readdirSync(join(scratch, folderName))).toContain('skinledger.db');
      await dialog.getByRole('button', { name: 'Continue to sign in' }).click();

      await signIn(page, clinic.admin.name, clinic.admin.password);
      await expectSignedIn(page);
      await findEveryClient(app);
      await searchClients(page, app.calls, 'Afterwards');
      expect(await page.getByRole('option', { name: /Afterwards/ }).count()).toBe(0);

      // The replaced records are listed under Settings → Backups, with when and how big, and can be deleted there.
      await openBackupSettings(page);
      const kept = page.getByRole('table', { name: 'Records kept aside by restores' });
      const row = kept.getByRole('row').filter({ hasText: folderName });
      await row.waitFor();
      await expect(row.innerText()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4}\s+\d{2}:\d{2}\s+.+\s+[\d.,]+\s(kB|MB)/);
      await row.scrollIntoViewIfNeeded();
      await saveScreenshot(page, '53-settings-backups-kept-aside');
      await row.getByRole('button', { name: `Delete ${folderName}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete records kept aside?' });
      await confirm.getByText(/including clients purged since/).waitFor();
      await checkAccessibility(page, 'delete kept-aside records dialog');
      await saveScreenshot(page, '54-settings-backups-kept-aside-delete');
      await confirm.getByRole('button', { name: 'Delete for good' }).click();
      await page.getByText('No records are kept aside.').waitFor();
      expect(readdirSync(scratch)).not.toContain(folderName);
      const audit = app.runtime.current().services.db.prepare(`SELECT entity_id FROM audit_event WHERE action = 'backup.kept-aside.delete'`).pluck().all();
      expect(audit).toEqual([folderName]);
      expect(app.faults).toEqual([]);
    },
  );
});
