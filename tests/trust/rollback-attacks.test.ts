import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../main/app';
import { timeInWords } from '../../main/audit/anchor-check';
import { readSeenHead, seenHeadFile } from '../../main/audit/seen-head';
import { readKeySlotFile, writeKeySlotFile } from '../../main/crypto/key-slot-file';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { StoreError } from '../../main/store/store-error';
import { Vault } from '../../main/vault/vault';
import { runCli } from '../cli/cli-process';
import { adminName, adminPassword, createTestStore, TestClock } from '../support/store';
import { snapshotFolder, tempFolder } from '../support/temp-folder';
import { tamper } from './support/key-file-attacks';
import { buildKillChild, startKillChild } from './support/kill-child-process';
import { openTrustClinic, sessionRecordSample } from './support/trust-clinic';

/**
 * The attacks of the security review, performed on real files by someone who has the data folder
 * but no key: each one must show at the next open (or in `verify`), and a refused open must leave
 * every file as it was.
 */

const sentence = (lastRowAt: string) => `Records written after ${timeInWords(lastRowAt)} are missing — restore from a backup.`;
const firstDay = new Date('2026-11-25T09:00:00Z');
const laterDay = new Date('2026-11-27T16:30:00Z');

let root: ReturnType<typeof tempFolder>;
let dataDir: string;
let settingsDir: string;
let clock: TestClock;

beforeEach(() => {
  root = tempFolder('skinledger-rollback-');
  dataDir = join(root.path, 'data');
  settingsDir = join(root.path, 'settings');
  clock = new TestClock(firstDay);
});
afterEach(() => root.remove());

/**
 * At the production scrypt cost: the shipped CLI opens these stores too, and it accepts no slot
 * made at the tests' cheap cost (a rewritten cheap slot is an attack).
 */
function runtime(settings: string = settingsDir): SkinLedgerRuntime {
  return new SkinLedgerRuntime({ dataDir, settingsDir: settings, appVersion: 'test', clock });
}

function addClients(app: SkinLedgerRuntime, count: number, notes = ''): string[] {
  const { services, staff } = app.current();
  return Array.from({ length: count }, (_, i) => services.clients.create(staff.id, { firstName: 'Rolled', lastName: `Back ${i}`, notes }, { allowDuplicate: true }).id);
}

/** Day one: set up through the app, one client saved, signed out and closed. */
async function dayOne(): Promise<void> {
  const app = runtime();
  await app.setup({ clinicName: 'Rollback Clinic', clinicAddress: '1 Test Street', adminName, password: adminPassword });
  addClients(app, 1);
  app.close();
}

/** Day two: signed in again, `count` more clients, closed. */
async function dayTwo(count: number): Promise<void> {
  clock = new TestClock(laterDay);
  const app = runtime();
  await app.login(adminName, adminPassword);
  addClients(app, count);
  app.close();
}

/** The data key, as only SkinLedger itself holds it: to defeat the key file's MAC on purpose. */
async function dataKeyOf(): Promise<Buffer> {
  const vault = new Vault(dataDir, { clock });
  return (await vault.unlockWithPassword(adminName, adminPassword, { upgrade: false })).dataKey;
}

async function cliAs(args: string[], settings: string) {
  const before = process.env['SKINLEDGER_SETTINGS'];
  process.env['SKINLEDGER_SETTINGS'] = settings;
  try {
    return await runCli([...args, '--data', dataDir, '--user', adminName], { password: adminPassword });
  } finally {
    process.env['SKINLEDGER_SETTINGS'] = before;
  }
}

describe('rolling the database back', () => {
  it('with the anchor deleted from the key file and an older database put back: every open is refused with the sentence, and not a byte changes', async () => {
    await dayOne();
    const olderDatabase = join(root.path, 'older.db');
    copyFileSync(join(dataDir, 'skinledger.db'), olderDatabase);
    await dayTwo(5);

    // The attack: the anchor taken out of the key file (its plain checksum recomputed), and
    // yesterday's copy of the database put back. The key file's MAC gives that away first.
    const keyFile = join(dataDir, 'keyslots.json');
    const dataKey = await dataKeyOf();
    const genuine = readFileSync(keyFile);
    tamper(keyFile, (file) => delete file['auditHead']);
    copyFileSync(olderDatabase, join(dataDir, 'skinledger.db'));
    const tampered = snapshotFolder(dataDir);
    const altered = await runtime()
      .login(adminName, adminPassword)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(altered).toMatchObject({ code: 'KEY_FILE_ALTERED' });
    expect(snapshotFolder(dataDir)).toEqual(tampered);

    // Even with the MAC defeated (the file rewritten under the data key, which the attacker does
    // not have), the database's own mark that it was anchored refuses the open.
    writeFileSync(keyFile, genuine);
    const { auditHead, ...withoutAnchor } = readKeySlotFile(keyFile);
    expect(auditHead).toBeDefined();
    writeKeySlotFile(keyFile, withoutAnchor, dataKey);
    const before = snapshotFolder(dataDir);

    const app = runtime();
    const refusal = await app.login(adminName, adminPassword).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).message.startsWith(sentence(firstDay.toISOString()))).toBe(true);
    expect(app.status()).toMatchObject({ state: 'store-error', storeError: { message: (refusal as StoreError).message } });
    app.close();

    for (const command of [['clients', 'list'], ['verify']]) {
      const run = await cliAs(command, settingsDir);
      expect(run.code, command.join(' ')).toBe(1);
      expect(run.stderr).toContain(sentence(firstDay.toISOString()));
      expect(run.stdout).toBe('');
    }
    expect(snapshotFolder(dataDir)).toEqual(before);
  });

  it('with the anchor deleted but the database current, the open is refused too: once anchored, always anchored', async () => {
    await dayOne();
    await dayTwo(2);
    const keyFile = join(dataDir, 'keyslots.json');
    const { auditHead: _removed, ...withoutAnchor } = readKeySlotFile(keyFile);
    // Rewritten under the data key, as if the key file's MAC had been defeated: the database
    // still knows it was anchored.
    writeKeySlotFile(keyFile, withoutAnchor, await dataKeyOf());
    const run = await cliAs(['clients', 'list'], settingsDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(sentence(laterDay.toISOString()));
  });
});

describe('rolling the whole folder back (database and key file together)', () => {
  it('warns the admin after sign-in and in the CLI, naming how many entries and since when; without the outside copy there is no warning', async () => {
    await dayOne();
    const olderFolder = join(root.path, 'older-data');
    cpSync(dataDir, olderFolder, { recursive: true });
    const olderHead = readKeySlotFile(join(olderFolder, 'keyslots.json')).auditHead!;
    await dayTwo(3);
    const seen = readSeenHead([settingsDir], readKeySlotFile(join(dataDir, 'keyslots.json')).storeId)!;
    expect(seen.seq).toBeGreaterThan(olderHead.seq);
    const missing = seen.seq - olderHead.seq;

    rmSync(dataDir, { recursive: true });
    cpSync(olderFolder, dataDir, { recursive: true });
    const copyPath = seenHeadFile(settingsDir, seen.storeId);
    const copy = readFileSync(copyPath);
    const expected = `${missing} audit trail entries written after ${timeInWords(firstDay.toISOString())} (up to ${timeInWords(laterDay.toISOString())}) are not in this store`;

    // The app, as an admin: told after sign-in.
    const app = runtime();
    await app.login(adminName, adminPassword);
    expect(app.adminNotice()).toContain(expected);
    app.close();

    // The CLI, as an admin, on the same rolled-back folder and copy: told on stderr, and the command still runs.
    rmSync(dataDir, { recursive: true });
    cpSync(olderFolder, dataDir, { recursive: true });
    writeFileSync(copyPath, copy);
    const cli = await cliAs(['clients', 'list'], settingsDir);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toContain('Warning: These records are older than SkinLedger last saw them on this computer');
    expect(cli.stderr).toContain(expected);

    // A new PC (no copy outside the folder): nothing to compare with, no warning.
    const fresh = runtime(join(root.path, 'new-pc-settings'));
    await fresh.login(adminName, adminPassword);
    expect(fresh.adminNotice()).toBeNull();
    fresh.close();
  });
});

describe('replaying one old database page', () => {
  it('a client’s note put back from an older copy passes the page MACs and the chain, and verify names the record', async () => {
    const app = runtime();
    await app.setup({ clinicName: 'Replay Clinic', clinicAddress: '1 Test Street', adminName, password: adminPassword });
    const adminId = app.current().staff.id;
    const clientId = app.current().services.clients.create(adminId, { firstName: 'Page', lastName: 'Replay', notes: 'Reacted to lidocaine in 2025' }).id;
    app.close();
    const dataKey = await dataKeyOf();
    const older = readFileSync(join(dataDir, 'skinledger.db'));
    clock = new TestClock(laterDay);
    const later = openServices(dataDir, dataKey, { clock });
    later.clients.update(adminId, clientId, { firstName: 'Page', lastName: 'Replay', notes: 'No reaction to lidocaine; earlier note was wrong' });
    const pageSize = later.db.pragma('page_size', { simple: true }) as number;
    later.close();
    const current = readFileSync(join(dataDir, 'skinledger.db'));
    expect(existsSync(join(dataDir, 'skinledger.db-wal'))).toBe(false);

    // Without the key the pages are opaque; comparing the two copies narrows the search to the
    // pages that changed, and one of them (the test reads it with the key) holds the note.
    const changed: number[] = [];
    for (let page = 0; page * pageSize < Math.min(older.length, current.length); page++) {
      if (!older.subarray(page * pageSize, (page + 1) * pageSize).equals(current.subarray(page * pageSize, (page + 1) * pageSize))) changed.push(page);
    }
    const trial = join(root.path, 'trial.db');
    const noteWith = (bytes: Buffer): string | null => {
      writeFileSync(trial, bytes);
      const db = new Database(trial);
      try {
        db.pragma(`cipher = 'sqlcipher'`);
        db.pragma('legacy = 4');
        db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
        return (db.prepare('SELECT notes FROM client WHERE id = ?').pluck().get(clientId) as string | undefined) ?? null;
      } catch {
        return null;
      } finally {
        db.close();
      }
    };
    const replayed = changed
      .map((page) => {
        const bytes = Buffer.from(current);
        older.copy(bytes, page * pageSize, page * pageSize, (page + 1) * pageSize);
        return bytes;
      })
      .find((bytes) => noteWith(bytes) === 'Reacted to lidocaine in 2025');
    expect(replayed, `one of the ${changed.length} changed pages holds the note`).toBeDefined();
    writeFileSync(join(dataDir, 'skinledger.db'), replayed!);
    rmSync(trial, { force: true });

    const run = await cliAs(['verify'], settingsDir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^cipher integrity: ok/m);
    expect(run.stdout).toMatch(/^audit chain: ok/m);
    expect(run.stdout).toContain(`record contents: FAILED (client record ${clientId.slice(0, 8)} changed outside the app after ${timeInWords(laterDay.toISOString())}`);
  });
});

describe('record contents with no attack', () => {
  it('every record written through the app matches its latest audit entry, after changes too', async () => {
    const clinic = await openTrustClinic();
    try {
      const { ids } = clinic;
      const expectOk = async (channel: Parameters<typeof clinic.call>[0], input: unknown) => expect((await clinic.call(channel, input as never)).ok, channel).toBe(true);
      await expectOk('clients.update', { id: ids.clientId, fields: { firstName: 'Fuzz', lastName: 'Target', notes: 'Changed in the app' } });
      await expectOk('clients.setArchived', { id: ids.clientId, archived: true });
      await expectOk('clients.setArchived', { id: ids.clientId, archived: false });
      await expectOk('courses.setStatus', { id: ids.courseId, status: 'completed' });
      await expectOk('sessions.change', { id: ids.sessionId, record: sessionRecordSample('Changed the same day.'), reason: null, depthsConfirmed: false });
      const result = clinic.runtime.current().services.audit.verifyRecords();
      expect(result).toMatchObject({ changed: [], checked: 4, skippedOlder: 0, gone: 0 });
      expect(result.summary).toBe('every record matches; 4 records compared with their latest audit entry; 0 written before content hashes were kept, skipped');
    } finally {
      clinic.close();
    }
  });
});

describe('deleting the -wal file after a crash', () => {
  it('the next open finds the acknowledged rows that are gone, refuses with its own sentence and changes no file', async () => {
    const build = join(root.path, 'build');
    mkdirSync(build);
    const script = await buildKillChild(build);
    let runsWithLoss = 0;
    for (let attempt = 0; attempt < 3 && runsWithLoss === 0; attempt++) {
      const folder = join(root.path, `crash-${attempt}`);
      const store = await createTestStore(folder);
      store.services.close();
      const appSettings = join(root.path, `crash-settings-${attempt}`);
      mkdirSync(appSettings);
      const child = startKillChild(script, { SKINLEDGER_KILL_DIR: folder, SKINLEDGER_KILL_SETTINGS: appSettings });
      const run = await child.killAfterReady(400);
      expect(run.acknowledged.length).toBeGreaterThan(0);
      expect(existsSync(join(folder, 'skinledger.db-wal'))).toBe(true);
      unlinkSync(join(folder, 'skinledger.db-wal'));

      const highestLeft = (() => {
        const db = new Database(join(folder, 'skinledger.db'));
        try {
          db.pragma(`cipher = 'sqlcipher'`);
          db.pragma('legacy = 4');
          db.pragma(`key = "x'${store.dataKey.toString('hex')}'"`);
          return (db.prepare(`SELECT max(CAST(notes AS INTEGER)) FROM client WHERE first_name = 'Kill'`).pluck().get() as number | null) ?? 0;
        } finally {
          db.close();
        }
      })();
      const open = () => openServices(folder, store.dataKey, { clock: new TestClock() }).close();
      if (highestLeft < run.acknowledged.at(-1)!) {
        runsWithLoss++;
        const before = snapshotFolder(folder);
        expect(open).toThrow(/^Records written after .+ are missing — restore from a backup\./);
        // Refused before anything is written: every file byte-identical.
        expect(snapshotFolder(folder)).toEqual(before);
      } else {
        // The crash fell right after a checkpoint: nothing acknowledged was in the -wal file.
        expect(open).not.toThrow();
      }
    }
    expect(runsWithLoss).toBeGreaterThan(0);
  });
});
