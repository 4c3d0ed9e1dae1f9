import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { syntheticFaceJpeg } from '../support/photo-fixtures';
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
    expect(verify.stdout).toContain('consent PDFs and form hashes: ok (consents=3 verified=3 declined=0)');
    expect(verify.stdout).toMatch(/ consents=3 /);
  }, 300_000);

  it('exports one client’s record into an empty folder, with the consent PDF and the photos exactly as stored and an index', async () => {
    const { services, staffId } = await openAsStaff(store, admin, password);
    const row = services.db.prepare('SELECT client_id, pdf_sha256 FROM consent ORDER BY rowid LIMIT 1').get() as { client_id: string; pdf_sha256: string };
    clientId = row.client_id;
    const client = services.clients.get(clientId);
    const [imported] = await services.photos.import(staffId, {
      clientId,
      // Whatever the demo consent's photography choices, the photo comes in (an admin's override is used only when needed).
      override: { reason: 'Photo for the export test' },
      labels: { view: 'left-45', stage: 'before', note: 'Exported with the record' },
      files: [{ fileName: 'IMG_0042.jpg', bytes: await syntheticFaceJpeg({ width: 640, height: 480, hue: 40 }), takenAt: '2026-03-04T10:11:12+01:00', source: 'file' }],
    });
    if (imported?.outcome !== 'imported') throw new Error('The test photo was not imported');
    const photo = imported.photo;
    await services.photos.close();
    services.close();

    const target = join(root, 'export');
    const run = await runCli(['export-client', '--data', store, '--user', admin, '--client', clientId, '--to', target], { password });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Exporting \(index\): 100%/);
    const files = readdirSync(target).sort();
    expect(files).toEqual([
      'amendments.csv',
      'appointments.csv',
      'appointments.json',
      'audit-trail.csv',
      'consents',
      'consents.csv',
      'consents.json',
      'copies.json',
      'courses.csv',
      'courses.json',
      'exceptions.csv',
      'index.pdf',
      'medical-history.csv',
      'medical-history.json',
      'photos',
      'profile.csv',
      'profile.json',
      'sessions.csv',
      'sessions.json',
    ]);
    expect(JSON.parse(readFileSync(join(target, 'profile.json'), 'utf8'))).toMatchObject({ id: clientId, lastName: client.lastName });
    const pdfs = readdirSync(join(target, 'consents'));
    expect(pdfs).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(
      createHash('sha256')
        .update(readFileSync(join(target, 'consents', pdfs[0]!)))
        .digest('hex'),
    ).toBe(row.pdf_sha256);
    const index = execFileSync('pdftotext', ['-enc', 'UTF-8', join(target, 'index.pdf'), '-']).toString('utf8');
    expect(index).toContain(client.lastName);
    expect(index).toContain('medical-history.json');
    expect(index).not.toContain('Photographs are not part of this export yet');

    // The photo: the stored original, named by date, view, stage and id, listed in photos.json/csv and in the index.
    const photoName = `2026-03-04_left-45_before_${photo.id.slice(0, 8)}.jpg`;
    expect(readdirSync(join(target, 'photos')).sort()).toEqual([photoName, 'photos.csv', 'photos.json']);
    const exported = readFileSync(join(target, 'photos', photoName));
    const decoded = await sharp(exported).metadata();
    expect({ format: decoded.format, width: decoded.width, height: decoded.height, exif: decoded.exif }).toEqual({ format: 'jpeg', width: 640, height: 480, exif: undefined });
    expect(createHash('sha256').update(exported).digest('hex')).toBe(photo.sha256);
    expect(JSON.parse(readFileSync(join(target, 'photos', 'photos.json'), 'utf8'))).toEqual([
      expect.objectContaining({ file: photoName, id: photo.id, view: 'left-45', stage: 'before', takenAt: '2026-03-04T10:11:12+01:00', sessionNumber: null, note: 'Exported with the record' }),
    ]);
    expect(readFileSync(join(target, 'photos', 'photos.csv'), 'utf8')).toContain(photoName);
    // The index's file column is narrow, so long names wrap onto a second line.
    const indexFiles = index.replace(/\s+/g, '');
    expect(indexFiles).toContain(`photos/${photoName}`);
    expect(indexFiles).toContain('photos/photos.json');

    // Audited with ids only: one row per photo written, and the export's row counts the files.
    const after = await openAsStaff(store, admin, password);
    const audit = after.services.db.prepare("SELECT action, entity_id, detail FROM audit_event WHERE action IN ('photo.export-record', 'client.export') ORDER BY seq").all();
    await after.services.photos.close();
    after.services.close();
    expect(audit).toEqual([
      { action: 'photo.export-record', entity_id: photo.id, detail: `client=${clientId}` },
      { action: 'client.export', entity_id: clientId, detail: expect.stringMatching(/^files=\d+ consents=1$/) },
    ]);
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
    expect(verify.stdout).toContain(`consent PDFs and form hashes: FAILED (consents=3 verified=2 declined=0; changed: ${id})`);
  }, 120_000);
});
