import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process';
import { openAsStaff } from './store-fixture';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-overdue-'));
  store = join(root, 'store');
  expect((await runCli(['init', '--data', store, '--clinic', 'Demo Clinic', '--admin', admin], { password })).code).toBe(0);
  const { services, staffId, dataKey } = await openAsStaff(store, admin, password);
  try {
    const eve = services.clients.create(staffId, { firstName: 'Eve', lastName: 'Early' });
    services.diary.book(staffId, { clientId: eve.id, practitionerId: staffId, roomId: null, start: '2026-12-10T09:30', minutes: 45, courseId: null, bookingNote: '', confirmWarnings: true });
    for (const [firstName, startedOn] of [
      ['Bea', '2025-03-01'],
      ['Cai', '2025-01-10'],
      ['Dee', '2099-01-01'],
    ] as const) {
      const client = services.clients.create(staffId, { firstName, lastName: 'Late' });
      services.courses.create(staffId, client.id, { indication: 'acne-scarring', plannedSessions: 3, intervalWeeks: 4, startedOn, notes: '' });
    }
  } finally {
    services.close();
    dataKey.fill(0);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('overdue and audit list', () => {
  it('overdue lists the clients due for a session, most overdue first, as Home does', async () => {
    const all = await runCli(['overdue', '--data', store, '--user', admin], { password });
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(lines.map(([due, name, progress]) => [due, name, progress])).toEqual([
      ['2025-01-10', 'Cai Late', '0/3'],
      ['2025-03-01', 'Bea Late', '0/3'],
    ]);
    expect((await runCli(['overdue', '--data', store, '--user', admin, '--limit', '0'], { password })).code).toBe(2);
  });

  it("audit list shows the newest entries in the screen's words and pages back with --before", async () => {
    const first = await runCli(['audit', 'list', '--data', store, '--user', admin, '--limit', '3'], { password });
    expect(first.code).toBe(0);
    const rows = first.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows).toHaveLength(3);
    const seqs = rows.map(([seq]) => Number(seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    // The overdue lists above were recorded, in words, never as a code like "client.list".
    expect(rows[0]![3]).not.toMatch(/^[a-z-]+\.[a-z-]+$/);
    expect(rows.map((row) => row[5]).join(' ')).toContain('via=cli list=overdue');
    const hint = /--before (\d+)/.exec(first.stderr);
    expect(Number(hint?.[1])).toBe(seqs[2]);

    const older = await runCli(['audit', 'list', '--data', store, '--user', admin, '--limit', '500', '--before', hint![1]!], { password });
    expect(older.code).toBe(0);
    const olderSeqs = older.stdout
      .trim()
      .split('\n')
      .map((line) => Number(line.split('\t')[0]));
    expect(olderSeqs[0]).toBe(seqs[2]! - 1);
    expect(olderSeqs.at(-1)).toBe(1);
    expect(older.stdout).toContain('Cai Late');
    expect(older.stderr).not.toContain('--before');
  });

  it('diary lists a day with what to prepare, and refuses a day that is not a date', async () => {
    const day = await runCli(['diary', '--data', store, '--user', admin, '--day', '2026-12-10'], { password });
    expect(day.code, day.stderr).toBe(0);
    expect(
      day.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')),
    ).toEqual([['09:30-10:15', admin, 'Eve Early', '-', 'booked', 'Treatment consent needed; Medical history review due; Photography consent needed; Screening stop in force']]);
    const empty = await runCli(['diary', '--data', store, '--user', admin, '--day', '2026-12-11'], { password });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('Nothing booked on 2026-12-11.');
    expect((await runCli(['diary', '--data', store, '--user', admin, '--day', '10/12/2026'], { password })).code).toBe(2);
  });
});
