import { cpSync, existsSync } from 'node:fs';
import { SkinLedgerRuntime } from '../../../main/session/runtime';
import { fastScryptForTests } from '../../support/fast-scrypt';

/** The people of the test clinic. Passwords meet the real rule (10+ characters). */
export const clinic = {
  name: 'Harbour Skin Studio',
  address: '14 Quay Street\nFalmouth TR11 3HH',
  admin: { name: 'Maria Lopez', password: 'calm sea at dawn 42' },
  reception: { name: 'Tom Reed', password: 'front desk tulips 7' },
} as const;

/**
 * What opening a staff password slot costs: 'production' as the app makes them (about half a
 * second of scrypt per sign-in, unlock or new password), or 'test', the cheap cost tests may use
 * (fastScryptForTests). A flow whose subject is not the key slots signs in at test cost; the
 * harness opens a store at the cost its own slots record (see launchApp), and code that opens
 * the store itself passes `scrypt: clinicScrypt`.
 */
export type KeySlotCost = 'production' | 'test';

/** The scrypt cost a clinic made with `{ keySlots: 'test' }` has; give it to any runtime or vault opening it. */
export const clinicScrypt = fastScryptForTests;

/** Where the e2e project's global set-up (clinic-template.ts) left the run's clinic, at production cost. */
export const clinicTemplateVariable = 'SKINLEDGER_E2E_CLINIC_TEMPLATE';
/** The same clinic with its password slots at test cost. */
export const testCostClinicTemplateVariable = 'SKINLEDGER_E2E_CLINIC_TEMPLATE_TEST_COST';

/**
 * A clinic already set up in `dataDir` (recovery key acknowledged), made through the real runtime
 * exactly as the set-up screen makes it, so a test can start at the sign-in screen. Under vitest
 * it is a copy of the clinic the run made once (a closed store copied is that store, byte for
 * byte; each test changes only its own copy), which spares a production-cost key derivation per
 * test; elsewhere (a script) it is made here. Password slots at production cost unless the test
 * asks for `keySlots: 'test'`.
 */
export async function createClinic(dataDir: string, options: { keySlots?: KeySlotCost } = {}): Promise<void> {
  const cost = options.keySlots ?? 'production';
  const template = process.env[cost === 'test' ? testCostClinicTemplateVariable : clinicTemplateVariable];
  if (template && existsSync(template)) {
    cpSync(template, dataDir, { recursive: true, errorOnExist: true, force: false });
    return;
  }
  await makeClinic(dataDir, cost);
}

/** Sets the clinic up through the real runtime, as the set-up screen does. */
export async function makeClinic(dataDir: string, cost: KeySlotCost = 'production'): Promise<void> {
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'test', ...(cost === 'test' ? { scrypt: clinicScrypt } : {}) });
  try {
    await runtime.setup({
      clinicName: clinic.name,
      clinicAddress: clinic.address,
      adminName: clinic.admin.name,
      password: clinic.admin.password,
    });
    runtime.acknowledgeRecoveryKey();
  } finally {
    runtime.close();
  }
}
