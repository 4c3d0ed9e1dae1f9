import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshotFolder } from './cli-process';
import { openAsStaff } from './store-fixture';

// One store for the file: every sign-in runs production scrypt, on purpose.
const admin = 'Ann Admin';
const adminPassword = 'correct horse battery staple';
const reception = 'Rita Reception';
const receptionPassword = 'reception desk password';

let root: string;
let store: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-staff-'));
  store = join(root, 'store');
  expect((await runCli(['init', '--data', store, '--clinic', 'Staff Clinic', '--admin', admin], { password: adminPassword })).code).toBe(0);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The audit rows for one action, newest last, with who did it and to whom. */
async function auditRows(action: string): Promise<{ staff_id: string; entity_id: string; detail: string }[]> {
  const { services, dataKey } = await openAsStaff(store, admin, adminPassword);
  try {
    return services.db.prepare('SELECT staff_id, entity_id, detail FROM audit_event WHERE action = ? ORDER BY seq').all(action) as {
      staff_id: string;
      entity_id: string;
      detail: string;
    }[];
  } finally {
    services.close();
    dataKey.fill(0);
  }
}

async function staffIds(): Promise<Record<string, string>> {
  const { services, dataKey } = await openAsStaff(store, admin, adminPassword);
  try {
    return Object.fromEntries(services.staff.list().map((member) => [member.name, member.id]));
  } finally {
    services.close();
    dataKey.fill(0);
  }
}

describe('staff add', () => {
  it('adds a member of staff whose own password then opens the store, audited under the admin', async () => {
    const run = await runCli(['staff', 'add', '--data', store, '--user', admin, '--name', reception, '--role', 'reception'], {
      password: adminPassword,
      newPassword: receptionPassword,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Added ${reception} as reception. They sign in with the password just set.\n`);

    const list = await runCli(['staff', 'list', '--data', store, '--user', admin], { password: adminPassword });
    expect(list.stdout).toContain(`${reception}\treception\tactive`);
    expect((await runCli(['unlock-check', '--data', store, '--user', reception], { password: receptionPassword })).code).toBe(0);

    const ids = await staffIds();
    expect(await auditRows('staff.create')).toContainEqual({ staff_id: ids[admin], entity_id: ids[reception], detail: 'role=reception' });
  });

  it('refuses a new password the app would refuse, and adds nobody', async () => {
    const run = await runCli(['staff', 'add', '--data', store, '--user', admin, '--name', 'Sam Short', '--role', 'practitioner'], {
      password: adminPassword,
      newPassword: 'short',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('New password: Use at least 10 characters.');
    expect(Object.keys(await staffIds())).not.toContain('Sam Short');
  });

  it('asks for the new password on a terminal only; with neither variable nor terminal it is wrong usage', async () => {
    const run = await runCli(['staff', 'add', '--data', store, '--user', admin, '--name', 'Nora Nopass', '--role', 'practitioner'], { password: adminPassword });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SKINLEDGER_NEW_PASSWORD');
  });

  it('refuses a role that does not exist before anyone signs in', async () => {
    const before = snapshotFolder(store);
    const run = await runCli(['staff', 'add', '--data', store, '--user', admin, '--name', 'Otto Owner', '--role', 'owner'], {
      password: adminPassword,
      newPassword: 'a good long password',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--role must be one of: admin, practitioner, reception.');
    expect(snapshotFolder(store)).toEqual(before);
  });

  it('is for admins only, as staff.add is in the contract', async () => {
    const run = await runCli(['staff', 'add', '--data', store, '--user', reception, '--name', 'Ivy Intruder', '--role', 'admin'], {
      password: receptionPassword,
      newPassword: 'a good long password',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not allow "staff add"');
    expect(Object.keys(await staffIds())).not.toContain('Ivy Intruder');
  });
});

describe('staff deactivate', () => {
  it('deactivates a member of staff: their password no longer opens the store, audited under the admin', async () => {
    const leaver = 'Lee Leaver';
    const leaverPassword = 'leaver password 1';
    expect((await runCli(['staff', 'add', '--data', store, '--user', admin, '--name', leaver, '--role', 'practitioner'], { password: adminPassword, newPassword: leaverPassword })).code).toBe(0);

    const run = await runCli(['staff', 'deactivate', '--data', store, '--user', admin, '--name', 'lee LEAVER'], { password: adminPassword });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Deactivated ${leaver}: their password no longer opens the records.\n`);

    const check = await runCli(['unlock-check', '--data', store, '--user', leaver], { password: leaverPassword });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('do not match');
    const list = await runCli(['staff', 'list', '--data', store, '--user', admin], { password: adminPassword });
    expect(list.stdout).toContain(`${leaver}\tpractitioner\tinactive`);
    const ids = await staffIds();
    expect(await auditRows('staff.update')).toContainEqual({ staff_id: ids[admin], entity_id: ids[leaver], detail: 'deactivated' });
  });

  it('names who it cannot find, and changes nothing', async () => {
    const run = await runCli(['staff', 'deactivate', '--data', store, '--user', admin, '--name', 'Nobody Here'], { password: adminPassword });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nobody on the staff list is called "Nobody Here"');
  });

  it('will not deactivate the last active admin', async () => {
    const run = await runCli(['staff', 'deactivate', '--data', store, '--user', admin, '--name', admin], { password: adminPassword });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('at least one active admin');
    expect((await runCli(['unlock-check', '--data', store, '--user', admin], { password: adminPassword })).code).toBe(0);
  });

  it('is for admins only', async () => {
    const run = await runCli(['staff', 'deactivate', '--data', store, '--user', reception, '--name', admin], { password: receptionPassword });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('does not allow "staff deactivate"');
  });
});

describe('help', () => {
  it('lists both commands with their options', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('staff add --data DIR --user NAME --name NAME --role ROLE');
    expect(run.stdout).toContain('staff deactivate --data DIR --user NAME --name NAME');
    expect(run.stdout).toContain('SKINLEDGER_NEW_PASSWORD');
  });
});
