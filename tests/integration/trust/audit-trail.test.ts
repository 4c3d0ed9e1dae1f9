import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../../main/store/open-database';
import { openTrustClinic, type TrustClinic } from '../../trust/support/trust-clinic';

const hour = 60 * 60 * 1000;
type Filters = { staffId: string | null; clientId: string | null; actions: string[]; fromDay: string | null; toDay: string | null };
const noFilters: Filters = { staffId: null, clientId: null, actions: [], fromDay: null, toDay: null };
type Row = { seq: number; at: string; staffName: string | null; action: string; entityId: string | null; entityName: string | null; detail: string };
type Page = { total: number; totalAtLeast: boolean; headSeq: number; rows: Row[]; nextBeforeSeq: number | null };

let clinic: TrustClinic;
let db: SqliteDatabase;
let savePath: string | null = null;
/** A member of staff whose name is a spreadsheet formula: it must reach the CSV as text. */
const formulaName = '=HYPERLINK("http://evil.example","x")';
let otherClientId: string;

async function ok<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await clinic.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const find = (filters: Partial<Filters>, limit = 50, beforeSeq: number | null = null) => ok<Page>('auditTrail.find', { filters: { ...noFilters, ...filters }, limit, beforeSeq });

beforeAll(async () => {
  clinic = await openTrustClinic({ chooseSavePath: async () => savePath });
  db = clinic.runtime.current().services.db;
  await ok('staff.add', { name: formulaName, role: 'admin', password: 'formula admin password' });
  const other = await ok<{ id: string }>('clients.create', { fields: { firstName: 'Olive', lastName: 'Other' }, allowDuplicate: false });
  otherClientId = other.id;
  // A day later, the practitioner opens both records 30 times.
  clinic.clock.advance(26 * hour);
  await clinic.signInAs('practitioner');
  for (let i = 0; i < 30; i++) {
    await ok('clients.profile', { id: clinic.ids.clientId });
    await ok('clients.profile', { id: otherClientId });
  }
  await clinic.signInAs('admin');
}, 60_000);
afterAll(() => {
  expect(clinic.faults).toEqual([]);
  clinic.close();
});

describe('the audit trail screen', () => {
  it('lists newest first with staff and client names resolved, and records the look', async () => {
    const before = db.prepare('SELECT max(seq) FROM audit_event').pluck().get() as number;
    const page = await find({});
    expect(page.headSeq).toBe(before + 1);
    expect(page.rows[0]).toMatchObject({ seq: before + 1, action: 'audit.view', staffName: 'Ada Admin', detail: 'all' });
    expect(page.rows.map((row) => row.seq)).toEqual([...page.rows.map((row) => row.seq)].sort((a, b) => b - a));
    const view = page.rows.find((row) => row.action === 'client.view' && row.entityId === clinic.ids.clientId);
    expect(view).toMatchObject({ staffName: 'Pia Practitioner', entityName: 'Fuzz Target' });
  });

  it('filters by client, staff, action and day, together', async () => {
    const byClient = await find({ clientId: clinic.ids.clientId, actions: ['client.view'] });
    expect(byClient.total).toBe(30);
    expect(byClient.rows.every((row) => row.entityId === clinic.ids.clientId && row.action === 'client.view')).toBe(true);

    const byStaff = await find({ staffId: clinic.ids.staff.practitioner });
    expect(byStaff.rows.every((row) => row.staffName === 'Pia Practitioner')).toBe(true);
    // Sign-ins, two clients × 30 views, and the set-up day's history, course and session.
    expect(byStaff.total).toBeGreaterThanOrEqual(60);

    const setUpDay = clinic.clock.now().getTime() - 26 * hour;
    const localDay = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const firstDay = await find({ fromDay: localDay(setUpDay), toDay: localDay(setUpDay) });
    expect(firstDay.rows.map((row) => row.action)).toContain('store.create');
    expect(firstDay.rows.map((row) => row.action)).not.toContain('client.view');
    const both = await find({ actions: ['client.view', 'client.create'], clientId: otherClientId });
    expect(both.total).toBe(31);
    expect(await find({ actions: ['no.such-action'] })).toMatchObject({ total: 0, rows: [] });
  });

  it('pages without gaps or repeats, even while rows are being added', async () => {
    const first = await find({ staffId: clinic.ids.staff.practitioner }, 25);
    expect(first.nextBeforeSeq).toBe(first.rows[24]!.seq);
    // A row by the practitioner written between pages must not shift the later pages.
    await clinic.signInAs('practitioner');
    await ok('clients.profile', { id: otherClientId });
    await clinic.signInAs('admin');
    const seen = [...first.rows];
    for (let next = first.nextBeforeSeq; next !== null;) {
      const page = await find({ staffId: clinic.ids.staff.practitioner }, 25, next);
      expect(page.total).toBeNull();
      seen.push(...page.rows);
      next = page.nextBeforeSeq;
    }
    expect(seen.length).toBe(first.total);
    expect(new Set(seen.map((row) => row.seq)).size).toBe(first.total);
    // Only the first page of a search is recorded, not every page scrolled.
    const looks = db.prepare(`SELECT count(*) FROM audit_event WHERE action = 'audit.view' AND seq > ?`).pluck().get(first.headSeq) as number;
    expect(looks).toBe(0);
  });

  it('a look at one client’s trail shows in that client’s own trail', async () => {
    const looksBefore = (await find({ clientId: otherClientId, actions: ['audit.view'] })).total;
    await find({ clientId: otherClientId });
    const again = await find({ clientId: otherClientId, actions: ['audit.view'] });
    expect(again.total).toBe(looksBefore + 2);
    expect(again.rows[0]).toMatchObject({ entityId: otherClientId, entityName: 'Olive Other' });
  });

  it('offers every staff member and every action written as filter choices, and names the client', async () => {
    const choices = await ok<{ staff: { name: string }[]; actions: string[]; client: { name: string } | null }>('auditTrail.filters', { clientId: otherClientId });
    expect(choices.staff.map((s) => s.name)).toEqual(expect.arrayContaining(['Ada Admin', 'Pia Practitioner', 'Rex Reception', formulaName]));
    expect(choices.actions).toEqual(expect.arrayContaining(['client.view', 'client.create', 'session.switch-user', 'audit.view', 'staff.create']));
    expect(choices.client).toEqual({ id: otherClientId, name: 'Olive Other' });
  });

  it('exports the filtered trail as CSV through the save dialog, formula-looking cells defused, and records the export', async () => {
    savePath = join(clinic.folder.path, '..', `audit-${process.pid}.csv`);
    await clinic.signInAs('admin');
    const exported = await ok<{ saved: boolean; rows: number }>('auditTrail.exportCsv', { filters: { ...noFilters, actions: ['staff.create'] } });
    expect(exported).toEqual({ saved: true, rows: 4 });
    const text = readFileSync(savePath, 'utf8');
    expect(text.startsWith('\uFEFFRow,Time UTC (ISO 8601),Time (clinic),Staff,Action,Entity,Id,Detail\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    // ISO time, then the clinic's day order (DD/MM/YYYY) with the time and offset.
    expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\),Ada Admin,staff\.create,staff,[0-9a-f-]+,role=admin$/);
    expect(text).not.toContain('Fuzz Target');
    const last = db.prepare('SELECT action, detail FROM audit_event ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'audit.export', detail: 'actions=staff.create rows=4' });

    // The formula-named admin's sign-in reaches the file as text, quoted and with its apostrophe.
    await clinic.call('session.login', { name: formulaName, password: 'formula admin password' });
    await clinic.signInAs('admin');
    await ok('auditTrail.exportCsv', { filters: { ...noFilters, actions: ['session.sign-in', 'session.switch-user'] } });
    const withFormula = readFileSync(savePath, 'utf8');
    expect(withFormula).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",session.switch-user,`);
    expect(withFormula).not.toMatch(/,=HYPERLINK/);
  });

  it('a cancelled save dialog writes nothing and records nothing', async () => {
    savePath = null;
    const last = db.prepare('SELECT max(seq) FROM audit_event').pluck().get();
    expect(await ok('auditTrail.exportCsv', { filters: noFilters })).toEqual({ saved: false, rows: 0 });
    expect(db.prepare('SELECT max(seq) FROM audit_event').pluck().get()).toBe(last);
  });

  it('verify reports ok, then the first broken row once a row is edited behind the app’s back', async () => {
    expect(await ok('auditTrail.verify')).toMatchObject({ ok: true, firstBrokenSeq: null, problem: null });
    db.exec('DROP TRIGGER audit_event_refuses_update');
    db.prepare(`UPDATE audit_event SET detail = 'tampered' WHERE seq = 5`).run();
    expect(await ok('auditTrail.verify')).toMatchObject({ ok: false, firstBrokenSeq: 5, problem: 'changed' });
  });
});
