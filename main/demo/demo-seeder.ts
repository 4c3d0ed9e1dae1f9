import { foldForSearch } from '../../shared/clients/client-search-fields';
import type { SkinConcern } from '../../shared/clients/client';
import { skinConcerns } from '../../shared/clients/client';
import { faceAreas, type TreatmentArea } from '../../shared/clinical/areas';
import type { SessionRecord } from '../../shared/clinical/session';
import { blankMedicalHistory, questionKeys, type MedicalHistoryAnswers } from '../../shared/screening/medical-history';
import { screen } from '../../shared/screening/rules';
import { storeHistory } from '../../shared/screening/stored-history';
import type { Services } from '../app';
import { clientSortKey } from '../clients/client-service';
import { searchColumns } from '../clients/client-search-index';
import { addWeeks } from '../treatments/course-service';
import { foldLot } from '../../shared/stock/lot-number';
import { firstNames, lastNames, referralSources, serums, streets, towns } from './demo-names';
import { demoStock } from './demo-stock';
import { SeededRandom } from './seeded-random';
import { demoAppointments } from './demo-appointments';

export interface DemoSeedOptions {
  clients: number;
  seed: number;
  /** Clients per transaction: an interrupted run keeps whole batches only. */
  batchSize?: number;
  /** Average treatment sessions per client (0 for clients only). */
  sessionsPerClient?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches, so Ctrl+C stops at a batch boundary. */
  shouldStop?: () => boolean;
}

export interface DemoSeedResult {
  clients: number;
  courses: number;
  sessions: number;
  histories: number;
  stoppedEarly: boolean;
}

/**
 * Fills a store with a believable, entirely invented clinic: clients in mixed scripts, medical
 * histories, courses and treatment sessions with lots. Deterministic for a seed. Writes straight
 * through prepared statements in batched transactions, because 100,000 clients through the
 * one-at-a-time services would take minutes; the tables and the search index end up exactly as
 * the services would leave them.
 */
export async function seedDemoClinic(services: Services, by: string, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { db, audit, clock } = services;
  const batchSize = options.batchSize ?? 1000;
  const averageSessions = options.sessionsPerClient ?? 3;
  const start = (db.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n;
  const random = new SeededRandom(options.seed ^ Math.imul(start + 1, 2654435761));
  const depths = new Map(services.sessions.areaDepths().map((d) => [d.area, d]));
  const today = clock.now().toISOString().slice(0, 10);
  const now = clock.now().toISOString();

  const insertClient = db.prepare(`
    INSERT INTO client (id, first_name, last_name, preferred_name, date_of_birth, pronouns, sex, phone, email, address, emergency_contact,
      gp, referral_source, fitzpatrick, concerns, marketing_consent, notes, archived, sort_key, created_at, updated_at)
    VALUES (?, ?, ?, '', ?, '', ?, ?, ?, ?, '', '', ?, ?, ?, ?, '', 0, ?, ?, ?)`);
  const insertSearch = db.prepare('INSERT INTO client_search (rowid, names, contact, birth, state) VALUES (?, ?, ?, ?, ?)');
  const insertOrder = db.prepare('INSERT INTO client_order (client_rowid, sort_key, archived) VALUES (?, ?, 0)');
  const insertHistory = db.prepare('INSERT INTO medical_history (id, client_id, recorded_at, recorded_by, answers, alerts) VALUES (?, ?, ?, ?, ?, ?)');
  const insertCourse = db.prepare(`
    INSERT INTO course (id, client_id, indication, planned_sessions, interval_weeks, status, started_on, notes, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insertSession = db.prepare(`
    INSERT INTO treatment_session (id, client_id, course_id, performed_at, practitioner_id, record, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLot = db.prepare('INSERT INTO session_lot (session_id, kind, name, lot, lot_folded, expiry, stock_lot_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const stock = averageSessions > 0 ? db.transaction(() => demoStock(db, by, today, now))() : null;
  // Sessions of the last half year pick their lots from the demo stock; older ones were typed.
  const fromStockSince = addWeeks(today, -26);

  const id = () => {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(random.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const cartridgeLots = Array.from({ length: 40 }, (_, i) => `CT${24 + (i % 3)}-${String(1000 + i * 37).padStart(5, '0')}`);
  const serumLots = Array.from({ length: 40 }, (_, i) => `SR-${String(7000 + i * 53)}`);

  const diary = demoAppointments(db, { seed: options.seed ^ start, by, practitioners: services.diary.practitioners().map((p) => p.id), today, now });
  const result: DemoSeedResult = { clients: 0, courses: 0, sessions: 0, histories: 0, stoppedEarly: false };

  const seedOne = () => {
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const birthYear = random.int(1950, 2006);
    const dateOfBirth = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    // 07700 900xxx is Ofcom's range reserved for drama: no real phone rings.
    const phone = `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
    const email = random.chance(0.8) ? demoEmail(firstName, lastName, start + result.clients + 1) : '';
    const concerns: SkinConcern[] = [random.pick(skinConcerns.slice(0, 5))];
    if (random.chance(0.3)) concerns.push(random.pick(skinConcerns.slice(0, 5)));
    const clientId = id();
    const fields = { firstName, lastName, preferredName: '', phone, email, dateOfBirth };
    const info = insertClient.run(
      clientId,
      firstName,
      lastName,
      dateOfBirth,
      random.pick(['female', 'female', 'female', 'male', 'not-stated']),
      phone,
      email,
      `${random.int(1, 200)} ${random.pick(streets)}, ${random.pick(towns)}`,
      random.pick(referralSources),
      random.int(1, 6),
      JSON.stringify([...new Set(concerns)]),
      random.chance(0.4) ? 1 : 0,
      clientSortKey({ lastName, firstName }),
      now,
      now,
    );
    insertSearch.run(info.lastInsertRowid, ...searchColumns(fields, false));
    insertOrder.run(info.lastInsertRowid, clientSortKey({ lastName, firstName }));
    result.clients++;

    if (averageSessions === 0) return;
    const answers = answeredWithNothingToReport();
    if (random.chance(0.08)) answers.anticoagulantsOrAntiplatelets = { answer: 'yes', detail: 'aspirin 75 mg' };
    if (random.chance(0.06)) answers.historyOfColdSores = { answer: 'yes', detail: '' };
    if (random.chance(0.02)) answers.diabetes = { answer: 'yes', detail: 'type 2, controlled' };
    if (random.chance(0.01)) answers.pregnantOrBreastfeeding = { answer: 'yes', detail: '' };
    if (random.chance(0.03)) answers.currentMedications = { answer: 'declined', text: '' };
    // As many sessions as the average asks for (0 to twice it), in courses of 3 to 6 planned
    // sessions: a client who keeps coming back starts a new course some weeks after the last.
    // Laid out back from today, so no session is in the future.
    const wanted = random.int(0, averageSessions * 2);
    const courses: { planned: number; interval: number; sessions: number; gapWeeks: number }[] = [];
    for (let left = wanted; courses.length === 0 || left > 0;) {
      const planned = random.int(3, 6);
      const sessions = Math.min(left, planned);
      courses.push({ planned, interval: random.pick([4, 4, 5, 6]), sessions, gapWeeks: random.int(6, 26) });
      left -= sessions;
    }
    const spanWeeks = courses.reduce((weeks, course) => weeks + course.sessions * course.interval + course.gapWeeks, 0);
    let courseStart = addWeeks(today, -(spanWeeks + random.int(2, 30)));
    insertHistory.run(id(), clientId, `${courseStart}T09:00:00.000Z`, by, storeHistory(answers, null), JSON.stringify(screen(answers, courseStart)));
    result.histories++;
    for (const course of courses) {
      const courseId = id();
      insertCourse.run(courseId, clientId, concerns[0]!, course.planned, course.interval, course.sessions >= course.planned ? 'completed' : 'active', courseStart, now, now);
      result.courses++;
      for (let n = 0; n < course.sessions; n++) diary.held(clientId, courseId, n + 1, seedSession(clientId, courseId, addWeeks(courseStart, n * course.interval)));
      if (course.sessions < course.planned) diary.next(clientId, courseId, course.sessions + 1, addWeeks(courseStart, course.sessions * course.interval));
      courseStart = addWeeks(courseStart, course.sessions * course.interval + course.gapWeeks);
    }
  };

  const seedSession = (clientId: string, courseId: string, day: string) => {
    const performedAt = `${day}T${String(random.int(9, 17)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}:00.000Z`;
    const areas = pickAreas(random).map((area) => ({ area, depthMm: depths.get(area)?.typicalMm ?? 0.5, passes: random.int(2, 4) }));
    const typedCartridge = random.pick(cartridgeLots);
    const typedSerum = { name: random.pick(serums), lot: random.pick(serumLots), expiry: addWeeks(day, 40), stockLotId: null as string | null };
    const picked = stock && day >= fromStockSince ? { cartridge: stock.cartridge, serum: stock.serum(typedSerum.name) } : null;
    const cartridgeLot = picked ? picked.cartridge.lot : typedCartridge;
    const serum = picked ? { name: picked.serum.name, lot: picked.serum.lot, expiry: picked.serum.expiry, stockLotId: picked.serum.id } : typedSerum;
    const record: SessionRecord = {
      performedAt,
      device: { kind: 'pen', make: 'Demo Pen', model: 'DP-1', settings: `speed ${random.int(3, 8)}` },
      cartridge: picked
        ? { name: picked.cartridge.name, lot: picked.cartridge.lot, expiry: picked.cartridge.expiry, stockLotId: picked.cartridge.id }
        : { name: '16-pin cartridge', lot: cartridgeLot, expiry: addWeeks(day, 52), stockLotId: null },
      anaesthetic: { product: 'Topical lidocaine 4%', appliedAt: '09:00' },
      skinPrep: 'Cleanse, chlorhexidine',
      areas,
      products: [serum],
      endpoint: random.chance(0.8) ? 'even-erythema' : 'pinpoint-bleeding',
      immediateReaction: 'Even erythema, as expected',
      aftercareGiven: true,
      notes: 'Demo session: invented data.',
    };
    const sessionId = id();
    insertSession.run(sessionId, clientId, courseId, performedAt, by, JSON.stringify(record), now, now);
    insertLot.run(sessionId, 'cartridge', '16-pin cartridge', cartridgeLot, foldLot(cartridgeLot), record.cartridge!.expiry, record.cartridge!.stockLotId);
    insertLot.run(sessionId, 'product', serum.name, serum.lot, foldLot(serum.lot), serum.expiry, serum.stockLotId);
    if (picked && stock) {
      stock.use(picked.cartridge, sessionId, performedAt);
      stock.use(picked.serum, sessionId, performedAt);
    }
    result.sessions++;
    return performedAt;
  };

  for (let done = 0; done < options.clients;) {
    if (options.shouldStop?.()) {
      result.stoppedEarly = true;
      break;
    }
    const size = Math.min(batchSize, options.clients - done);
    db.transaction(() => {
      for (let i = 0; i < size; i++) seedOne();
      audit.append({ staffId: by, action: 'demo.seed', entity: 'store', detail: `clients=${size}` });
    })();
    done += size;
    options.onProgress?.(done, options.clients);
    // Let the event loop run between batches: Ctrl+C (SIGINT) is only seen there, so without
    // this the whole seeding ran before shouldStop could ever say yes.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

function pickAreas(random: SeededRandom): TreatmentArea[] {
  const sets: TreatmentArea[][] = [
    ['forehead', 'cheek-left', 'cheek-right', 'chin'],
    ['cheek-left', 'cheek-right'],
    ['forehead', 'glabella', 'periorbital-left', 'periorbital-right'],
    ['neck', 'decolletage'],
    [...faceAreas.slice(0, 10)],
  ];
  return random.pick(sets);
}

/**
 * An address as clients have them, made of their name ("zoe.nguyen17@example.com"), so the demo
 * clinic's e-mails match the same letters as its names; example.com is reserved, nothing is sent.
 */
function demoEmail(firstName: string, lastName: string, number: number): string {
  const ascii = (name: string) => foldForSearch(name).replace(/[^a-z0-9]+/g, '');
  const local = [ascii(firstName), ascii(lastName)].filter(Boolean).join('.');
  return `${local || 'client'}${number % 100}@example.com`;
}

/** A demo client was asked every question and had nothing to report (no, never, none); the seeder then adds a few findings. */
function answeredWithNothingToReport(): MedicalHistoryAnswers {
  const answers = blankMedicalHistory() as Record<string, MedicalHistoryAnswers[keyof MedicalHistoryAnswers]>;
  for (const key of questionKeys) {
    const value = answers[key]!;
    answers[key] = 'detail' in value ? { answer: 'no', detail: '' } : 'date' in value ? { answer: 'never', date: null } : 'text' in value ? { answer: 'none', text: '' } : { answer: 'none' };
  }
  return answers as MedicalHistoryAnswers;
}
