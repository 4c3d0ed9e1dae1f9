import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoFilePath } from '../../main/photos/photo-file-names';
import { pngBomb, rotatedCameraJpeg, syntheticFaceJpeg, syntheticFacePng, truncated } from '../support/photo-fixtures';
import { runCli } from './cli-process';
import { openAsStaff } from './store-fixture';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;
let clientId: string;
let files: Record<string, string>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-photos-'));
  store = join(root, 'store');
  expect((await runCli(['init', '--data', store, '--clinic', 'Photo Clinic', '--admin', admin], { password })).code).toBe(0);
  const opened = await openAsStaff(store, admin, password);
  clientId = opened.services.clients.create(opened.staffId, { firstName: 'Folder', lastName: 'Import' }).id;
  await opened.services.photos.close();
  opened.services.close();

  const folder = join(root, 'old photos');
  mkdirSync(folder);
  const good = await syntheticFaceJpeg({ width: 640, height: 800, hue: 15 });
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(folder, name), bytes);
    return join(folder, name);
  };
  files = {
    camera: write('IMG_0001.JPG', await rotatedCameraJpeg({ width: 800, height: 600 })),
    png: write('scan.png', await syntheticFacePng({ width: 500, height: 400, hue: 200 })),
    cut: write('cut.jpg', truncated(good)),
    text: write('notes.txt', Buffer.from('not a photo')),
    bomb: write('bomb.png', pngBomb()),
    empty: write('empty.jpg', new Uint8Array(0)),
  };
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each run is a fresh Node process: slow on a loaded CI machine, so generous timeouts.

describe('import-photos and verify', () => {
  it('refuses photos for a client with no photography consent, unless an admin gives a reason', async () => {
    const refused = await runCli(['import-photos', '--data', store, '--user', admin, '--client', clientId, files.camera!], { password });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('no photography consent in force');
  }, 300_000);

  it('stores the good files, prints a line per file with the reason for each refusal, and exits 1', async () => {
    const run = await runCli(
      [
        'import-photos',
        '--data',
        store,
        '--user',
        admin,
        '--client',
        clientId,
        '--view',
        'front',
        '--stage',
        'before',
        '--without-consent',
        'Photos from the old system',
        ...Object.values(files),
        join(root, 'missing.jpg'),
      ],
      { password },
    );
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.includes('IMG_0001.JPG'))).toMatch(/^imported .* photo=[0-9a-f-]{36} taken=2025-03-04T10:11:12/);
    expect(lines.find((line) => line.includes('scan.png'))).toMatch(/^imported /);
    expect(lines.find((line) => line.includes('cut.jpg'))).toMatch(/^refused .*damaged or cut short/);
    expect(lines.find((line) => line.includes('notes.txt'))).toMatch(/^refused .*not an image/);
    expect(lines.find((line) => line.includes('bomb.png'))).toMatch(/^refused .*more than 50 megapixels/);
    expect(lines.find((line) => line.includes('empty.jpg'))).toMatch(/^refused .*empty/);
    expect(lines.find((line) => line.includes('missing.jpg'))).toMatch(/^refused .*No such file/);
    expect(run.stderr).toContain('5 of 7 files were refused; 2 stored.');
    expect(run.stderr).toContain('Importing photos: 100%');

    const again = await runCli(['import-photos', '--data', store, '--user', admin, '--client', clientId, '--without-consent', 'Photos from the old system', files.camera!], { password });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^refused .*already in this client/m);
  }, 300_000);

  it('refuses a close-up without its area, and an unknown view, as usage errors', async () => {
    const closeUp = await runCli(['import-photos', '--data', store, '--user', admin, '--client', clientId, '--view', 'close-up', files.camera!], { password });
    expect(closeUp.code).toBe(2);
    expect(closeUp.stderr).toContain('Choose the area the close-up shows.');
    const unknown = await runCli(['import-photos', '--data', store, '--user', admin, '--client', clientId, '--view', 'top', files.camera!], { password });
    expect(unknown.code).toBe(2);
  }, 300_000);

  it('verify decrypts and re-hashes every photo, counts them, and names a damaged one', async () => {
    const ok = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^photo files: ok \(2 photos/m);
    expect(ok.stdout).toMatch(/ photos=2 /);

    const opened = await openAsStaff(store, admin, password);
    const [photo] = opened.services.photos.list(opened.staffId, { clientId }).photos;
    await opened.services.photos.close();
    opened.services.close();
    const path = photoFilePath(store, photo!.id, 'preview');
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0x80;
    writeFileSync(path, bytes);

    const damaged = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain(`photo files: FAILED (1 of 6 files: photo ${photo!.id} preview damaged or another photo\u2019s file)`);
    expect(damaged.stderr).toContain('Verification failed: photo files.');
  }, 300_000);

  it('seed-demo makes synthetic photos for a few clients with sessions', async () => {
    const demo = join(root, 'demo');
    expect((await runCli(['init', '--data', demo, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
    const seed = await runCli(['seed-demo', '--data', demo, '--user', admin, '--clients', '20', '--sessions', '3', '--photo-clients', '2'], { password });
    expect(seed.code).toBe(0);
    const added = Number(/^Added (\d+) synthetic demo photos\.$/m.exec(seed.stdout)?.[1]);
    expect(added).toBeGreaterThanOrEqual(4);
    const verify = await runCli(['verify', '--data', demo, '--user', admin], { password });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(` photos=${added} `);
  }, 300_000);
});
