import type { Services } from '../app';
import type { PhotoView } from '../../shared/photos/photo';
import { syntheticFaceJpeg } from './demo-photos';
import { SeededRandom } from './seeded-random';

export interface DemoPhotoOptions {
  /** How many clients (with sessions, and no photos yet) get photos. */
  clients: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Synthetic before/after photos (drawn shapes, never a real face) for the first and last
 * session of a few demo clients, imported through the real import path, so they are encrypted,
 * hashed and audited like any clinic's photos. Slow per photo, so the number of clients is small.
 */
export async function seedDemoPhotos(services: Services, by: string, options: DemoPhotoOptions): Promise<number> {
  const random = new SeededRandom(options.seed);
  const clients = services.db
    .prepare(
      `SELECT c.id FROM client c WHERE EXISTS (SELECT 1 FROM treatment_session s WHERE s.client_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM photo p WHERE p.client_id = c.id)
       ORDER BY c.sort_key LIMIT ?`,
    )
    .all(options.clients) as { id: string }[];
  let stored = 0;
  for (const [index, client] of clients.entries()) {
    const sessions = services.db.prepare('SELECT id, performed_at FROM treatment_session WHERE client_id = ? ORDER BY performed_at').all(client.id) as { id: string; performed_at: string }[];
    const first = sessions[0]!;
    const last = sessions[sessions.length - 1]!;
    const hue = random.int(0, 359);
    const plan: { session: typeof first; view: PhotoView; stage: 'before' | 'after' }[] = [
      { session: first, view: 'front', stage: 'before' },
      { session: first, view: 'left-45', stage: 'before' },
    ];
    if (last !== first) plan.push({ session: last, view: 'front', stage: 'after' });
    const files = [];
    for (const [n, shot] of plan.entries()) {
      files.push({
        fileName: `demo-${n}.jpg`,
        bytes: await syntheticFaceJpeg({
          width: 900,
          height: 1125,
          hue,
          seed: random.int(1, 10_000),
          offsetX: shot.view === 'front' ? random.int(-30, 30) : 90,
          tilt: random.int(-5, 5),
        }),
        labels: { view: shot.view, stage: shot.stage, sessionId: shot.session.id },
        takenAt: shot.session.performed_at,
      });
    }
    // Photos need a photography consent; a demo client without one gets them under a stated override, as a clinic's older photos would.
    const consented = services.consents.currentPhotographyChoices(client.id)?.clinicalRecord === true;
    const override = consented ? {} : { override: { reason: 'Synthetic demo photos made by seed-demo' } };
    const results = await services.photos.import(by, { clientId: client.id, labels: { view: 'front', stage: 'before' }, files, ...override });
    stored += results.filter((result) => result.outcome === 'imported').length;
    options.onProgress?.(index + 1, clients.length);
  }
  return stored;
}
