import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinicTemplateVariable, makeClinic } from './clinic';

/**
 * The e2e project's global set-up: one clinic made once for the whole run, through the real
 * runtime at production scrypt cost, which createClinic copies into each test's data folder
 * instead of deriving the same keys again for every test.
 */
export default async function setup(): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'skinledger-e2e-template-'));
  const dataDir = join(folder, 'data');
  await makeClinic(dataDir);
  // Read by the test processes, which start after this and inherit the environment.
  process.env[clinicTemplateVariable] = dataDir;
  return () => {
    delete process.env[clinicTemplateVariable];
    rmSync(folder, { recursive: true, force: true });
  };
}
