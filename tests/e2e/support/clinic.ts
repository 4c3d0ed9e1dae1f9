import { cpSync, existsSync } from 'node:fs';
import { SkinLedgerRuntime } from '../../../main/session/runtime';

/** The people of the test clinic. Passwords meet the real rule (10+ characters). */
export const clinic = {
  name: 'Harbour Skin Studio',
  address: '14 Quay Street\nFalmouth TR11 3HH',
  admin: { name: 'Maria Lopez', password: 'calm sea at dawn 42' },
  reception: { name: 'Tom Reed', password: 'front desk tulips 7' },
} as const;

/** Where the e2e project's global set-up (clinic-template.ts) left the run's clinic. */
export const clinicTemplateVariable = 'SKINLEDGER_E2E_CLINIC_TEMPLATE';

/**
 * A clinic already set up in `dataDir` (recovery key acknowledged), made through the real runtime
 * exactly as the set-up screen makes it, so a test can start at the sign-in screen. Under vitest
 * it is a copy of the clinic the run made once (a closed store copied is that store, byte for
 * byte; each test changes only its own copy), which spares a production-cost key derivation per
 * test; elsewhere (a script) it is made here.
 */
export async function createClinic(dataDir: string): Promise<void> {
  const template = process.env[clinicTemplateVariable];
  if (template && existsSync(template)) {
    cpSync(template, dataDir, { recursive: true, errorOnExist: true, force: false });
    return;
  }
  await makeClinic(dataDir);
}

/** Sets the clinic up through the real runtime, as the set-up screen does. */
export async function makeClinic(dataDir: string): Promise<void> {
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'test' });
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
