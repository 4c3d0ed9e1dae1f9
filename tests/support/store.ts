import { assembleServices, type Services } from '../../main/app';
import type { Clock } from '../../main/clock';
import { fastScryptForTests } from './fast-scrypt';
import { Vault } from '../../main/vault/vault';

export const adminName = 'Ada Admin';
export const adminPassword = 'correct horse battery staple';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-25T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A new store in `dataDir` with one admin, built as the set-up screen builds it. Password slots
 * use a low scrypt cost so a test can make many; production cost is tested on its own.
 */
export async function createTestStore(dataDir: string, clock: Clock = new TestClock()) {
  const vault = new Vault(dataDir, { clock, scrypt: fastScryptForTests });
  const created = await vault.create({ name: adminName, password: adminPassword });
  const services: Services = assembleServices(vault, created.db, created.dataKey, clock);
  const admin = services.staff.recordFounder(created.adminStaffId, adminName);
  services.settings.update(admin.id, { ...services.settings.get(), clinicName: 'Test Clinic', clinicAddress: '1 Test Street' });
  return { vault, services, admin, dataKey: Buffer.from(created.dataKey), recoveryKey: created.recoveryKey };
}
