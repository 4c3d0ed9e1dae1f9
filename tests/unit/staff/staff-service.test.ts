import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { StoreError } from '../../../main/store/store-error';
import { Vault } from '../../../main/vault/vault';
import { adminName, adminPassword, createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path);
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const opens = (name: string, password: string) =>
  new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests }).unlockWithPassword(name, password).then(
    () => true,
    (error: unknown) => {
      if (error instanceof StoreError && error.code === 'WRONG_PASSWORD') return false;
      throw error;
    },
  );

function errorCode(action: () => unknown): string {
  try {
    action();
    return 'no error';
  } catch (error) {
    return error instanceof StoreError ? error.code : String(error);
  }
}

describe('staff', () => {
  it('a new member of staff signs in with their own password, by name in any case', async () => {
    await store.services.staff.add(store.admin.id, { name: 'Zoë Nguyễn', role: 'practitioner', password: 'practitioner pass' });
    expect(await opens('ZOË NGUYỄN', 'practitioner pass')).toBe(true);
    expect(await opens('Zoë Nguyễn', adminPassword)).toBe(false);
  });

  it('two staff cannot share a name (sign-in is by name)', async () => {
    await expect(store.services.staff.add(store.admin.id, { name: 'ada admin', role: 'reception', password: 'another password' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('deactivating someone removes their key slot: their password no longer opens the store', async () => {
    const rita = await store.services.staff.add(store.admin.id, { name: 'Rita', role: 'reception', password: 'reception pass' });
    store.services.staff.update(store.admin.id, { id: rita.id, name: 'Rita', role: 'reception', active: false });
    expect(await opens('Rita', 'reception pass')).toBe(false);
    expect(errorCode(() => store.services.staff.update(store.admin.id, { id: rita.id, name: 'Rita', role: 'reception', active: true }))).toBe('CONFLICT');
    await store.services.staff.resetPassword(store.admin.id, rita.id, 'a fresh password');
    store.services.staff.update(store.admin.id, { id: rita.id, name: 'Rita', role: 'reception', active: true });
    expect(await opens('Rita', 'a fresh password')).toBe(true);
  });

  it('the last active admin can be neither demoted nor deactivated', async () => {
    const me = store.admin;
    expect(errorCode(() => store.services.staff.update(me.id, { id: me.id, name: adminName, role: 'practitioner', active: true }))).toBe('LAST_ADMIN');
    expect(errorCode(() => store.services.staff.update(me.id, { id: me.id, name: adminName, role: 'admin', active: false }))).toBe('LAST_ADMIN');
    const second = await store.services.staff.add(me.id, { name: 'Second Admin', role: 'admin', password: 'second admin pass' });
    store.services.staff.update(second.id, { id: me.id, name: adminName, role: 'practitioner', active: true });
    expect(store.services.staff.find(me.id)?.role).toBe('practitioner');
  });

  it('renaming follows through to sign-in', async () => {
    const rita = await store.services.staff.add(store.admin.id, { name: 'Rita', role: 'reception', password: 'reception pass' });
    store.services.staff.update(store.admin.id, { id: rita.id, name: 'Rita Moreno', role: 'reception', active: true });
    expect(await opens('Rita Moreno', 'reception pass')).toBe(true);
    expect(await opens('Rita', 'reception pass')).toBe(false);
  });

  it('changing your own password needs the current one, and re-wraps only your slot', async () => {
    await expect(store.services.staff.changeOwnPassword(store.admin.id, 'not my password', 'new password 123')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await store.services.staff.changeOwnPassword(store.admin.id, adminPassword, 'new password 123');
    expect(await opens(adminName, adminPassword)).toBe(false);
    expect(await opens(adminName, 'new password 123')).toBe(true);
    expect(new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests }).unlockWithRecoveryKey(store.recoveryKey).equals(store.dataKey)).toBe(true);
  });

  it('every change is in the audit trail, and the chain holds', async () => {
    const rita = await store.services.staff.add(store.admin.id, { name: 'Rita', role: 'reception', password: 'reception pass' });
    await store.services.staff.resetPassword(store.admin.id, rita.id, 'a fresh password');
    const actions = store.services.audit.recent(10).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.create', 'staff.reset-password']));
    expect(store.services.audit.verifyChain()).toEqual({ rows: store.services.audit.count(), firstBrokenSeq: null });
    expect(() => store.services.db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
    expect(() => store.services.db.prepare(`UPDATE audit_event SET detail = 'x'`).run()).toThrow(/append-only/);
  });
});
