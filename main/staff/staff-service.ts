import { randomUUID } from 'node:crypto';
import type { Role, StaffMember } from '../../shared/staff';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { foldStaffName } from '../crypto/key-slots';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { Vault } from '../vault/vault';

interface StaffRow {
  id: string;
  name: string;
  role: Role;
  active: number;
  created_at: string;
  password_changed_at: string | null;
}

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
  };
}

/**
 * The clinic's staff. Each member's password is a key slot in the vault, so adding staff,
 * resetting or changing a password and deactivating someone all change the key file too.
 */
export class StaffService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly vault: Vault,
    private readonly dataKey: Buffer,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  list(): StaffMember[] {
    const rows = this.db.prepare('SELECT * FROM staff ORDER BY active DESC, name COLLATE NOCASE').all() as StaffRow[];
    return rows.map(toStaffMember);
  }

  find(id: string): StaffMember | null {
    const row = this.db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
    return row ? toStaffMember(row) : null;
  }

  /** Records the first admin of a store just created (their slot was made with the store). */
  recordFounder(id: string, name: string): StaffMember {
    const now = this.clock.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO staff (id, name, name_folded, role, active, created_at, updated_at, password_changed_at)
         VALUES (?, ?, ?, 'admin', 1, ?, ?, ?)`,
      )
      .run(id, name.trim(), foldStaffName(name), now, now, now);
    this.audit.append({ staffId: id, action: 'staff.create', entity: 'staff', entityId: id, detail: 'role=admin (set-up)' });
    return this.find(id)!;
  }

  async add(by: string, input: { name: string; role: Role; password: string }): Promise<StaffMember> {
    this.assertNameFree(input.name, null);
    const id = randomUUID();
    // The slot comes first: if the key file cannot be written, no staff row points at nothing.
    await this.vault.setStaffPassword(id, input.name, input.password, this.dataKey);
    const now = this.clock.now().toISOString();
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO staff (id, name, name_folded, role, active, created_at, updated_at, password_changed_at)
             VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
          )
          .run(id, input.name.trim(), foldStaffName(input.name), input.role, now, now, now);
        this.audit.append({ staffId: by, action: 'staff.create', entity: 'staff', entityId: id, detail: `role=${input.role}` });
      })();
    } catch (error) {
      this.vault.removeStaffSlots(id, this.dataKey);
      throw error;
    }
    return this.find(id)!;
  }

  update(by: string, input: { id: string; name: string; role: Role; active: boolean }): StaffMember {
    const current = this.find(input.id);
    if (!current) throw new StoreError('NOT_FOUND', 'That member of staff no longer exists.');
    this.assertNameFree(input.name, input.id);
    const losesAdmin = current.role === 'admin' && current.active && (input.role !== 'admin' || !input.active);
    if (losesAdmin && this.activeAdminCount() <= 1) {
      throw new StoreError('LAST_ADMIN', 'The clinic needs at least one active admin. Make someone else an admin first.');
    }
    const reactivating = input.active && !current.active;
    if (reactivating && !this.vault.hasSlotFor(input.id)) {
      throw new StoreError('CONFLICT', 'Set a new password for this member of staff to reactivate them (Reset password).');
    }
    const changes: string[] = [];
    if (current.name !== input.name.trim()) changes.push('name');
    if (current.role !== input.role) changes.push(`role=${input.role}`);
    if (current.active !== input.active) changes.push(input.active ? 'activated' : 'deactivated');
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE staff SET name = ?, name_folded = ?, role = ?, active = ?, updated_at = ? WHERE id = ?')
        .run(input.name.trim(), foldStaffName(input.name), input.role, input.active ? 1 : 0, this.clock.now().toISOString(), input.id);
      this.audit.append({ staffId: by, action: 'staff.update', entity: 'staff', entityId: input.id, detail: changes.join(', ') });
    })();
    if (!input.active && current.active) this.vault.removeStaffSlots(input.id, this.dataKey);
    else if (changes.includes('name') && input.active) this.vault.renameStaff(input.id, input.name, this.dataKey);
    return this.find(input.id)!;
  }

  /** An admin sets a new password for someone who forgot theirs: a fresh slot replaces the old. */
  async resetPassword(by: string, staffId: string, newPassword: string): Promise<void> {
    const member = this.find(staffId);
    if (!member) throw new StoreError('NOT_FOUND', 'That member of staff no longer exists.');
    // A deactivation while scrypt runs wins: the person stays without a slot, as deactivated.
    const stillAsWas = () => this.find(staffId)?.active === member.active;
    if (!(await this.vault.setStaffPassword(staffId, member.name, newPassword, this.dataKey, { onlyIf: stillAsWas }))) {
      throw new StoreError('CONFLICT', 'This member of staff was deactivated or reactivated meanwhile, so the password was not set. Check the staff list and try again.');
    }
    this.markPasswordChanged(staffId);
    this.audit.append({ staffId: by, action: 'staff.reset-password', entity: 'staff', entityId: staffId });
  }

  /** A member of staff changes their own password: the old one must open their slot. */
  async changeOwnPassword(staffId: string, currentPassword: string, newPassword: string): Promise<void> {
    const member = this.find(staffId);
    if (!member) throw new StoreError('NOT_FOUND', 'That member of staff no longer exists.');
    if (!(await this.vault.passwordOpensSlotOf(staffId, currentPassword))) {
      throw new StoreError('WRONG_PASSWORD', 'Your current password is not right.');
    }
    const stillActive = () => this.find(staffId)?.active === true;
    if (!(await this.vault.setStaffPassword(staffId, member.name, newPassword, this.dataKey, { onlyIf: stillActive }))) {
      throw new StoreError('CONFLICT', 'Your account was deactivated meanwhile, so the password was not changed.');
    }
    this.markPasswordChanged(staffId);
    this.audit.append({ staffId, action: 'staff.change-own-password', entity: 'staff', entityId: staffId });
  }

  private markPasswordChanged(staffId: string): void {
    const now = this.clock.now().toISOString();
    this.db.prepare('UPDATE staff SET password_changed_at = ?, updated_at = ? WHERE id = ?').run(now, now, staffId);
  }

  private activeAdminCount(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1`).get() as { n: number }).n;
  }

  private assertNameFree(name: string, exceptId: string | null): void {
    const row = this.db.prepare('SELECT id FROM staff WHERE name_folded = ?').get(foldStaffName(name)) as { id: string } | undefined;
    if (row && row.id !== exceptId) {
      throw new StoreError('CONFLICT', 'Someone on the staff list already has that name. Add a surname or initial.');
    }
  }
}
