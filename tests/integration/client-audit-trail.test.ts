import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/app';
import { SeededRandom } from '../../main/demo/seeded-random';
import { ComparisonExporter } from '../../main/photos/comparison-exporter';
import { cancellingPorts } from '../support/desktop';
import { ComparisonExportRequest } from '../../shared/photos/comparison-export';
import { microneedlingForm } from '../support/consent-forms';
import { syntheticFaceJpeg } from '../support/photo-fixtures';
import { createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';

const folder = tempFolder('skinledger-client-trail-');
let services: Services;
let adminId: string;
let clientId: string;
let otherId: string;

const noFilters = { staffId: null, actions: [] as string[], fromDay: null, toDay: null };

beforeAll(async () => {
  const store = await createTestStore(folder.path, new TestClock());
  services = store.services;
  adminId = store.admin.id;
  clientId = services.clients.create(adminId, { firstName: 'Trail', lastName: 'Client', dateOfBirth: '1990-04-01' }).id;
  otherId = services.clients.create(adminId, { firstName: 'Other', lastName: 'Client', dateOfBirth: '1991-04-01' }).id;
  for (const id of [clientId, otherId]) {
    const consent = await services.consents.sign(adminId, id, null, await microneedlingForm(services, new SeededRandom(3), 'None'));
    services.consents.pdf(adminId, consent.id, 'print');
    services.consents.recordPrinted(adminId, consent.id, false);
    services.consents.withdraw(adminId, consent.id, ['consent'], 'Changed their mind');
  }
  const files = [1, 2].map(async (seed) => ({ fileName: `${seed}.jpg`, bytes: await syntheticFaceJpeg({ width: 640, height: 480, hue: 30, seed }) }));
  const results = await services.photos.import(adminId, {
    clientId,
    labels: { view: 'front', stage: 'before' },
    override: { reason: 'Older photos from paper file' },
    files: await Promise.all(files),
  });
  const [first, second] = results.map((result) => (result.outcome === 'imported' ? result.photo.id : ''));
  services.photos.view(adminId, first!, 'preview');
  await new ComparisonExporter(cancellingPorts).export(services, adminId, ComparisonExportRequest.parse({ firstId: first, secondId: second, use: 'clinical', format: 'jpeg' }));
  services.photos.delete(adminId, second!, 'Taken of the wrong side');
}, 120_000);
afterAll(() => {
  services.close();
  folder.remove();
});

describe('a client’s own audit trail', () => {
  it('includes what was done to their consents and photos, deleted photos too, and nothing of another client’s', () => {
    const page = services.auditTrail.find(adminId, { ...noFilters, clientId }, { limit: 200, beforeSeq: null });
    const actions = new Set(page.rows.map((row) => row.action));
    for (const action of ['consent.sign', 'consent.pdf-print', 'consent.print', 'consent.withdraw', 'photo.import', 'photo.view', 'photo.export.refused', 'photo.delete', 'client.create']) {
      expect(actions, action).toContain(action);
    }
    const otherConsents = services.db.prepare('SELECT id FROM consent WHERE client_id = ?').pluck().all(otherId) as string[];
    expect(page.rows.some((row) => row.entityId === otherId || otherConsents.includes(row.entityId ?? ''))).toBe(false);
    expect(page.total).toBe(page.rows.length);
  });

  it('filters the linked rows by action like any other', () => {
    const page = services.auditTrail.find(adminId, { ...noFilters, clientId, actions: ['photo.import'] }, { limit: 50, beforeSeq: null });
    expect(page.total).toBe(2);
  });
});
