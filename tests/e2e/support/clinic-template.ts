import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clinicTemplateVariable, makeClinic, testCostClinicTemplateVariable } from './clinic';

/**
 * The e2e project's global set-up: one clinic made once for the whole run through the real
 * runtime, at production scrypt cost and at test cost, which createClinic copies into each
 * test's data folder instead of deriving the same keys again for every test.
 */
export default async function setup(): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'skinledger-e2e-template-'));
  const production = join(folder, 'data');
  const testCost = join(folder, 'data-test-cost');
  await Promise.all([makeClinic(production, 'production'), makeClinic(testCost, 'test')]);
  // Read by the test processes, which start after this and inherit the environment.
  process.env[clinicTemplateVariable] = production;
  process.env[testCostClinicTemplateVariable] = testCost;
  return () => {
    delete process.env[clinicTemplateVariable];
    delete process.env[testCostClinicTemplateVariable];
    rmSync(folder, { recursive: true, force: true });
  };
}
