import { contract } from '../../../shared/contract';
import { seedDemoAuditEvents } from '../../demo/demo-audit-events';
import { seedDemoConsents } from '../../demo/demo-consents';
import { seedDemoPhotos } from '../../demo/demo-photo-seeder';
import { seedDemoClinic } from '../../demo/demo-seeder';
import { requiredFlag, UsageError, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

const maxClients = 1_000_000;
/** Each demo consent is a real signed form with its PDF (a fraction of a second each), so they are capped. */
const defaultConsents = 100;
const maxConsents = 100_000;
const maxPhotoClients = 500;
const maxAuditEvents = 50_000_000;

function wholeNumber(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new UsageError(`--${flag} must be a whole number from 0 to ${max.toLocaleString('en')}.`);
  return Number(value);
}

/**
 * Fills a store with an invented demo clinic for training, screenshots and benchmarks. Never
 * real people. Runs in batches of 1,000 clients: Ctrl+C stops at the end of the current batch
 * and leaves a consistent store.
 */
export const seedDemoCommand: CliCommand = {
  words: ['seed-demo'],
  summary: 'Fill a store with invented demo clients, histories, courses and sessions (deterministic for a seed). Admins only.',
  flags: [
    dataFlag,
    userFlag,
    { name: 'clients', placeholder: 'N', summary: `How many demo clients to add (up to ${maxClients.toLocaleString('en')}).`, required: true },
    { name: 'seed', placeholder: 'S', summary: 'Seed of the generator: the same seed makes the same clinic (default 1).', required: false },
    { name: 'sessions', placeholder: 'N', summary: 'Average treatment sessions per client (default 3; 0 for clients only).', required: false },
    {
      name: 'photo-clients',
      placeholder: 'N',
      summary: `How many clients get synthetic before/after photos (drawn shapes, no real faces; about a second each; default 0, up to ${maxPhotoClients}).`,
      required: false,
    },
    {
      name: 'consents',
      placeholder: 'N',
      summary: `Signed microneedling consents with their PDFs, for most of the new clients up to N (default ${defaultConsents}: each PDF takes a moment, so 100,000 clients do not get one each).`,
      required: false,
    },
    {
      name: 'audit-events',
      placeholder: 'N',
      summary: 'Audit rows of ordinary daily use to add after the clients (profile opens, sign-ins; default 0): the history of a clinic after years.',
      required: false,
    },
  ],
  async run(context) {
    const clients = wholeNumber(context.flags.clients, 'clients', 0, maxClients);
    const seed = wholeNumber(context.flags.seed, 'seed', 1, 2 ** 31);
    const sessionsPerClient = wholeNumber(context.flags.sessions, 'sessions', 3, 20);
    const consentLimit = wholeNumber(context.flags.consents, 'consents', defaultConsents, maxConsents);
    const photoClients = wholeNumber(context.flags['photo-clients'], 'photo-clients', 0, maxPhotoClients);
    const auditEvents = wholeNumber(context.flags['audit-events'], 'audit-events', 0, maxAuditEvents);
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['staff.add'].access,
      command: 'seed-demo',
    });
    let interrupted = false;
    const onInterrupt = () => {
      interrupted = true;
      context.io.err('Stopping after the current batch…');
    };
    process.once('SIGINT', onInterrupt);
    try {
      const result = await seedDemoClinic(session.services, session.staff.id, {
        clients,
        seed,
        sessionsPerClient,
        onProgress: (done, total) => context.io.progress('Seeding demo clients', done, total),
        shouldStop: () => interrupted,
      });
      context.io.out(
        `Added ${result.clients} demo clients, ${result.histories} medical histories, ${result.courses} courses and ${result.sessions} sessions${result.stoppedEarly ? ' (stopped early: whole batches only)' : ''}.`,
      );
      if (consentLimit > 0 && result.clients > 0 && !interrupted) {
        const newest = session.services.db.prepare('SELECT id FROM client ORDER BY rowid DESC LIMIT ?').all(result.clients) as { id: string }[];
        const consents = await seedDemoConsents(session.services, session.staff.id, {
          seed,
          clientIds: newest.map((row) => row.id).reverse(),
          limit: consentLimit,
          onProgress: (done, total) => context.io.progress('Signing demo consents', done, total),
          shouldStop: () => interrupted,
        });
        context.io.out(`Signed ${consents} demo consents with their PDFs (at most ${consentLimit}; --consents sets the cap).`);
      }
      if (photoClients > 0 && !interrupted) {
        const photos = await seedDemoPhotos(session.services, session.staff.id, {
          clients: photoClients,
          seed,
          onProgress: (done, total) => context.io.progress('Making demo photos', done, total),
        });
        context.io.out(`Added ${photos} synthetic demo photos.`);
      }
      if (auditEvents > 0 && !interrupted) {
        const added = await seedDemoAuditEvents(session.services, {
          events: auditEvents,
          seed,
          onProgress: (done, total) => context.io.progress('Adding daily use to the audit trail', done, total),
          shouldStop: () => interrupted,
        });
        context.io.out(`Added ${added} audit rows of daily use${added < auditEvents ? ' (stopped early: whole batches only)' : ''}.`);
      }
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      await session.services.photos.close();
      session.close();
    }
  },
};
