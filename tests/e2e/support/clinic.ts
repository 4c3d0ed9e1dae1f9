import { SkinLedgerRuntime } from '../../../main/session/runtime';

/** The people of the test clinic. Passwords meet the real rule (10+ characters). */
export const clinic = {
  name: 'Harbour Skin Studio',
  address: '14 Quay Street\nFalmouth TR11 3HH',
  admin: { name: 'Maria Lopez', password: 'calm sea at dawn 42' },
  reception: { name: 'Tom Reed', password: 'front desk tulips 7' },
} as const;

/**
 * A clinic already set up in `dataDir` (recovery key acknowledged), made through the real runtime
 * exactly as the set-up screen makes it, so a test can start at the sign-in screen.
 */
export async function createClinic(dataDir: string): Promise<void> {
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
