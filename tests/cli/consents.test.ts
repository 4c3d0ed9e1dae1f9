import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process';
import { openAsStaff } from './store-fixture';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;
let clientId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-consents-'));
  store = join(root, 'store');
  expect((await runCli(['init', '--data', store, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('demo consents, verify and export-client', () => {
  it('seed-demo signs capped demo consents with PDFs, and verify re-hashes every one', async () => {
    const seed = await runCli(['seed-demo', '--data', store, '--user', admin, '--clients', '6', '--seed', '3', '--consents', '3'], { password });
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/^Signed 3 demo consents with their PDFs \(at most 3; --consents sets the cap\)\.$/m);
    const verify = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('consent PDFs and form hashes: ok (consents=3 verified=3)');
    expect(verify.stdout).toMatch(/ consents=3 /);
  }, 300_000);

  it('exports one client’s record into an empty folder, with the consent PDF exactly as stored and an index', async () => {
    const { services } = await openAsStaff(store, admin, password);
    const row = services.db.prepare('SELECT client_id, pdf_sha256 FROM consent ORDER BY rowid LIMIT 1').get() as { client_id: string; pdf_sha256: string };
    clientId = row.client_id;
    const client = services.clients.get(clientId);
    services.close();

    const target = join(root, 'export');
    const run = await runCli(['export-client', '--data', store, '--user', admin, '--client', clientId, '--to', target], { password });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Exporting \(index\): 100%/);
    const files = readdirSync(target).sort();
    expect(files).toEqual(['consents', 'consents.json', 'courses.json', 'index.pdf', 'medical-history.csv', 'medical-history.json', 'profile.csv', 'profile.json', 'sessions.csv', 'sessions.json']);
    expect(JSON.parse(readFileSync(join(target, 'profile.json'), 'utf8'))).toMatchObject({ id: clientId, lastName: client.lastName });
    const pdfs = readdirSync(join(target, 'consents'));
    expect(pdfs).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(readFileSync(join(target, 'consents', pdfs[0]!))).digest('hex')).toBe(row.pdf_sha256);
    const index = execFileSync('pdftotext', ['-enc', 'UTF-8', join(target, 'index.pdf'), '-']).toString('utf8');
    expect(index).toContain(client.lastName);
    expect(index).toContain('medical-history.json');
    expect(index).toContain('Photographs are not part of this export yet');
  }, 300_000);

  it('refuses a folder that is not empty, and writes nothing into it', async () => {
    const target = join(root, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'someone-else.txt'), 'keep me');
    const run = await runCli(['export-client', '--data', store, '--user', admin, '--client', clientId, '--to', target], { password });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('That folder is not empty');
    expect(readdirSync(target)).toEqual(['someone-else.txt']);
  }, 120_000);

  it('verify fails, naming the consent, when a stored PDF was changed behind the triggers', async () => {
    const { services } = await openAsStaff(store, admin, password);
    const id = (services.db.prepare('SELECT id FROM consent ORDER BY rowid LIMIT 1').get() as { id: string }).id;
    // An attacker with the key could drop the trigger; the hashes still give them away.
    services.db.exec('DROP TRIGGER consent_refuses_update');
    services.db.prepare("UPDATE consent SET pdf = CAST('%PDF-1.7 forged' AS BLOB) WHERE id = ?").run(id);
    services.close();
    const verify = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`consent PDFs and form hashes: FAILED (consents=3 verified=2; changed: ${id})`);
  }, 120_000);
});
