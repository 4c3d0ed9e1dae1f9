import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-clients-'));
  store = join(root, 'store');
  expect((await runCli(['init', '--data', store, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('seed-demo and clients list', () => {
  it("seeds a deterministic demo clinic with progress, lists it with the screen's search, and verify counts it", async () => {
    const seed = await runCli(['seed-demo', '--data', store, '--user', admin, '--clients', '1500', '--seed', '42', '--consents', '0'], { password });
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/^Added 1500 demo clients, 1500 medical histories, \d+ courses and \d+ sessions\.$/m);
    expect(seed.stderr).toContain('Seeding demo clients: 100% (1,500/1,500)');

    const all = await runCli(['clients', 'list', '--data', store, '--user', admin, '--limit', '2000'], { password });
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(1500);
    const [id, name, birth] = lines[0]!.split('\t');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Search by an accent-free prefix of a last name that has accents in the demo pool.
    const found = await runCli(['clients', 'list', '--data', store, '--user', admin, '--search', 'nguy', '--limit', '2000'], { password });
    expect(found.code).toBe(0);
    const foundNames = found.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[1]!);
    expect(foundNames.length).toBeGreaterThan(0);
    expect(foundNames.every((n) => /Nguy/i.test(n))).toBe(true);
    expect(name!.length).toBeGreaterThan(2);

    const verify = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^clients=1500 sessions=\d+ consents=0 photos=0 audit=\d+$/m);
  });

  it('Ctrl+C stops seeding at a batch boundary and leaves whole batches', async () => {
    const other = join(root, 'interrupted');
    expect((await runCli(['init', '--data', other, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
    const seed = await runCli(['seed-demo', '--data', other, '--user', admin, '--clients', '100000', '--sessions', '0', '--consents', '0'], {
      password,
      interruptWhen: (stderr) => stderr.includes('Seeding demo clients: 10%'),
    });
    expect(seed.code).toBe(0);
    expect(seed.stderr).toContain('Stopping after the current batch');
    const added = Number(/^Added (\d+) demo clients/m.exec(seed.stdout)?.[1]);
    expect(seed.stdout).toContain('(stopped early: whole batches only)');
    expect(added % 1000).toBe(0);
    expect(added).toBeGreaterThanOrEqual(10_000);
    expect(added).toBeLessThan(100_000);
    const list = await runCli(['clients', 'list', '--data', other, '--user', admin, '--limit', '1000000'], { password });
    expect(list.stdout.trim().split('\n')).toHaveLength(added);
  });

  it('refuses a malformed count with exit 2 and the usage', async () => {
    const run = await runCli(['seed-demo', '--data', store, '--user', admin, '--clients', 'lots'], { password });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--clients must be a whole number');
  });
});
