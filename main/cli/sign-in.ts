import { resolve } from 'node:path';
import type { Access } from '../../shared/contract';
import type { SignedInStaff } from '../../shared/staff';
import { assembleServices, openServices, type Services } from '../app';
import { finishInterruptedRekey } from '../rekey/rekey-store';
import { refuseRolledBackTrail } from '../audit/anchor-check';
import { systemClock } from '../clock';
import { appSettingsFolder } from '../store/app-settings-folder';
import { openDatabaseSnapshot, type DatabaseSnapshot } from '../store/database-snapshot';
import { StoreError, storeMessages } from '../store/store-error';
import { Vault } from '../vault/vault';
import type { CliIo } from './cli-io';
import { askPassword } from './password';

/** The store in a data folder, refused with its own message before anyone types a password. */
export function openableVault(dataDir: string): Vault {
  // A restore or data key change cut off between its folder moves is finished first, as the app does at start.
  finishInterruptedRekey(dataDir);
  const vault = new Vault(resolve(dataDir), { clock: systemClock });
  vault.assertOpenable();
  return vault;
}

export interface StaffSession {
  services: Services;
  staff: SignedInStaff;
  /** Kept for checks that read the raw file (verify's page MACs); wiped by close(). */
  dataKey: Buffer;
  /** The database file the services read: the store's own, or a read-only session's private copy. */
  databasePath: string;
  close(): void;
}

interface SignInRequest {
  dataDir: string;
  name: string;
  /** Who may run the command: the same role table the bridge checks channels against. */
  access: Access;
  /** Recorded in the audit trail with the sign-in. */
  command: string;
  /** Already asked for by the command (which needs it again, as `rekey` does); asked here otherwise. */
  password?: string;
}

/**
 * Signs a member of staff in for one command by the app's rules (SkinLedgerRuntime.login):
 * their own key slot must open with the password, they must be an active member of staff, and
 * their role must be allowed. The sign-in is audited and marked as coming from the CLI. There
 * is no attempt throttle: each run is one attempt, and scrypt sets the pace of guessing.
 */
export async function signIn(io: CliIo, request: SignInRequest): Promise<StaffSession> {
  const vault = openableVault(request.dataDir);
  const password = request.password ?? (await askPassword(io, `Password for ${request.name}: `));
  const { dataKey, staffId } = await vault.unlockWithPassword(request.name, password);
  let services: Services;
  try {
    services = openServices(vault.folder.root, dataKey, { clock: systemClock, settingsDir: appSettingsFolder(io.env) });
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  const close = () => {
    services.close();
    dataKey.fill(0);
  };
  try {
    const member = services.staff.find(staffId);
    if (!member || !member.active) throw new StoreError('WRONG_PASSWORD', storeMessages.wrongPassword);
    const staff: SignedInStaff = { id: member.id, name: member.name, role: member.role };
    warnAdminOfRollback(io, services, staff);
    services.audit.append({ staffId: staff.id, action: 'session.sign-in', entity: 'staff', entityId: staff.id, detail: `via=cli command=${request.command}` });
    if (request.access !== 'public' && request.access !== 'locked' && !request.access.includes(staff.role)) {
      services.audit.append({ staffId: staff.id, action: 'cli.refused', entity: 'staff', entityId: staff.id, detail: `command=${request.command} role=${staff.role}` });
      throw new StoreError('FORBIDDEN', `Your role (${staff.role}) does not allow "${request.command}". Ask an admin to run it.`);
    }
    return { services, staff, dataKey, databasePath: vault.folder.database, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Signs in for a command that only looks (verify): the same password and role rules, but the
 * store is read from a private copy (see database-snapshot.ts), so not one byte of the data
 * folder changes: no sign-in row, no refusal row, no audit anchor, no -wal or -shm, no
 * checkpoint. What such a command reads is no client's record (checks and counts), so there is
 * nothing an inspector would miss in the trail; a check that had to write to a store it
 * suspects is damaged could spread the damage.
 */
export async function signInReadOnly(io: CliIo, request: SignInRequest): Promise<StaffSession> {
  const vault = openableVault(request.dataDir);
  const password = await askPassword(io, `Password for ${request.name}: `);
  const { dataKey, staffId } = await vault.unlockWithPassword(request.name, password);
  let snapshot: DatabaseSnapshot;
  try {
    snapshot = openDatabaseSnapshot(vault.folder.database, dataKey, (found) => refuseRolledBackTrail(found, vault.readAuditHead()));
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  const services = assembleServices(vault, snapshot.db, dataKey, systemClock);
  // Nothing is written to the copy either: its anchor would go to the live key file.
  services.stopWriting();
  const close = () => {
    services.close();
    snapshot.remove();
    dataKey.fill(0);
  };
  try {
    const member = services.staff.find(staffId);
    if (!member || !member.active) throw new StoreError('WRONG_PASSWORD', storeMessages.wrongPassword);
    const staff: SignedInStaff = { id: member.id, name: member.name, role: member.role };
    if (request.access !== 'public' && request.access !== 'locked' && !request.access.includes(staff.role)) {
      throw new StoreError('FORBIDDEN', `Your role (${staff.role}) does not allow "${request.command}". Ask an admin to run it.`);
    }
    return { services, staff, dataKey, databasePath: snapshot.path, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * The whole data folder put back from an older copy: an admin is told (on stderr, so a script
 * reading stdout is not confused), and from then on the copies outside the folder follow this
 * store again. Anyone else is not told, and the copies wait for an admin.
 */
function warnAdminOfRollback(io: CliIo, services: Services, staff: SignedInStaff): void {
  if (!services.rollbackNotice || staff.role !== 'admin') return;
  io.err(`Warning: ${services.rollbackNotice.message}`);
  services.seenHeads?.release();
}
