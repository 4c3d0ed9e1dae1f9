import type { PhotographyChoices, PhotographyChoicesLookup } from '../../../shared/consents/photography';
import { ComparisonExporter } from '../../../main/photos/comparison-exporter';
import { PhotoFileStore } from '../../../main/photos/photo-file-store';
import { PhotoProcessor, type PhotoProcessorOptions } from '../../../main/photos/photo-processor';
import { PhotoService } from '../../../main/photos/photo-service';
import type { DesktopPorts } from '../../../main/desktop/ports';
import type { ComparisonExportRequest } from '../../../shared/photos/comparison-export';
import { cancellingPorts } from '../../support/desktop';
import { createTestStore, TestClock } from '../../support/store';

export const clinicalOnly: PhotographyChoices = { clinicalRecord: true, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false };
export const everyUse: PhotographyChoices = { clinicalRecord: true, teaching: true, marketingFaceVisible: true, marketingFaceHidden: true };

/**
 * A test store with one client, and the photo service built as app.ts builds it but with a
 * consent lookup the test controls (the consents feature supplies the real one).
 */
export async function openPhotoStore(dataDir: string, processor: PhotoProcessorOptions = {}) {
  const clock = new TestClock();
  const store = await createTestStore(dataDir, clock);
  const client = store.services.clients.create(store.admin.id, { firstName: 'Photo', lastName: 'Subject' });
  // The test client starts with a photography consent for the clinical record (photos need one to come in).
  const consents = new Map<string, PhotographyChoices>([[client.id, clinicalOnly]]);
  const lookup: PhotographyChoicesLookup = (clientId) => consents.get(clientId) ?? null;
  const photos = new PhotoService(store.services.db, store.services.audit, clock, new PhotoFileStore(dataDir, store.dataKey), new PhotoProcessor(processor), lookup);
  const exporting = { photos, settings: store.services.settings, audit: store.services.audit, clock };
  const exports = {
    export: (by: string, request: ComparisonExportRequest, chooseSavePath: DesktopPorts['chooseSavePath']) =>
      new ComparisonExporter({ ...cancellingPorts, chooseSavePath }).export(exporting, by, request),
  };
  return {
    ...store,
    clock,
    clientId: client.id,
    photos,
    exports,
    setConsent: (clientId: string, choices: PhotographyChoices | null) => (choices ? consents.set(clientId, choices) : consents.delete(clientId)),
    async close() {
      await photos.close();
      await store.services.photos.close();
      store.services.close();
    },
  };
}

export type PhotoStore = Awaited<ReturnType<typeof openPhotoStore>>;

export function auditRows(store: PhotoStore, action: string) {
  return store.services.db.prepare('SELECT * FROM audit_event WHERE action = ? ORDER BY seq').all(action) as { entity_id: string; detail: string; staff_id: string }[];
}
