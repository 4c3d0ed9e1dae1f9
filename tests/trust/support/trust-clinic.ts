import { createDispatcher, type Dispatch } from '../../../main/bridge/dispatch';
import { testDesktop } from '../../support/desktop';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../../main/session/runtime';
import type { BridgeResult } from '../../../shared/contract';
import type { Role } from '../../../shared/staff';
import { answeredHistory } from '../../support/medical-history';
import { TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

export const trustedFrame = { frameUrl: 'app://skinledger/index.html' };
export const adminName = 'Ada Admin';
export const adminPassword = 'correct horse battery staple';
export const staffPasswords: Record<Role, string> = {
  admin: adminPassword,
  practitioner: 'practitioner password 1',
  reception: 'reception password 1',
};
export const staffNames: Record<Role, string> = { admin: adminName, practitioner: 'Pia Practitioner', reception: 'Rex Reception' };

/** Ids of one of each record, for payloads that should reach a handler. */
export interface ClinicIds {
  staff: Record<Role, string>;
  clientId: string;
  courseId: string;
  sessionId: string;
  historyId: string;
}

export interface Fault {
  channel: string;
  error: unknown;
}

/**
 * A set-up clinic driven only through the dispatcher the shell uses: an admin, a practitioner,
 * a receptionist, and one client with a medical history, a course and a session. Every fault the
 * dispatcher reports is kept for the test to inspect. The save dialog is cancelled unless the
 * test answers it, so no channel writes a file outside the data folder by accident.
 */
export interface TrustClinicOptions {
  clientName?: { first: string; last: string };
  sessionNotes?: string;
  /** The save dialog's answer; cancelled (null) unless a test wants a file written. */
  chooseSavePath?: () => Promise<string | null>;
  reportFault?: (channel: string, error: unknown) => void;
}

export async function openTrustClinic(options: TrustClinicOptions = {}) {
  const folder = tempFolder('skinledger-trust-');
  const clock = new TestClock();
  const runtime = new SkinLedgerRuntime({
    dataDir: folder.path,
    appVersion: 'trust',
    clock,
    scrypt: fastScryptForTests,
  });
  const faults: Fault[] = [];
  const desktop = testDesktop(runtime, options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {});
  const dispatch: Dispatch = createDispatcher(runtime, desktop, {
    isTrustedSender: (url) => url.startsWith('app://skinledger/'),
    reportFault: (channel, error) => {
      faults.push({ channel, error });
      options.reportFault?.(channel, error);
    },
  });
  const call = (channel: string, input: unknown = {}) => dispatch(channel, input, trustedFrame);
  const ok = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed while setting up the trust clinic: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };

  const setup = await ok<{ recoveryKey: string }>('setup.create', { clinicName: 'Trust Clinic', clinicAddress: '1 Test Street', adminName, password: adminPassword });
  const admin = runtime.signedIn()!;
  const practitioner = await ok<{ id: string }>('staff.add', { name: staffNames.practitioner, role: 'practitioner', password: staffPasswords.practitioner });
  const reception = await ok<{ id: string }>('staff.add', { name: staffNames.reception, role: 'reception', password: staffPasswords.reception });
  const name = options.clientName ?? { first: 'Fuzz', last: 'Target' };
  const client = await ok<{ id: string }>('clients.create', {
    fields: { firstName: name.first, lastName: name.last, dateOfBirth: '1990-04-01', phone: '07700 900123', email: 'fuzz@example.com' },
    allowDuplicate: false,
  });
  const history = await ok<{ id: string }>('medicalHistory.record', { clientId: client.id, answers: answeredHistory() });
  const course = await ok<{ id: string }>('courses.create', {
    clientId: client.id,
    course: { indication: 'acne-scarring', plannedSessions: 6, intervalWeeks: 4, startedOn: '2026-11-01' },
  });
  const session = await ok<{ id: string }>('sessions.record', {
    clientId: client.id,
    courseId: course.id,
    record: sessionRecordSample(options.sessionNotes ?? 'Tolerated well.'),
    depthsConfirmed: false,
    noConsentReason: 'Test clinic: no consent form signed.',
  });
  const ids: ClinicIds = {
    staff: { admin: admin.id, practitioner: practitioner.id, reception: reception.id },
    clientId: client.id,
    courseId: course.id,
    sessionId: session.id,
    historyId: history.id,
  };

  /** Signs in as `role` (from any state), waiting out the wrong-password delay if there is one. */
  async function signInAs(role: Role): Promise<void> {
    const staff = runtime.signedIn();
    if (staff?.role === role && staff.name === staffNames[role]) {
      if (runtime.isLocked()) await retryThrottled(() => call('session.unlock', { password: staffPasswords[role] }), 'session.unlock');
      return;
    }
    await retryThrottled(() => call('session.login', { name: staffNames[role], password: staffPasswords[role] }), 'session.login');
  }

  async function retryThrottled(attempt: () => Promise<BridgeResult<unknown>>, what: string): Promise<void> {
    for (let tries = 0; tries < 3; tries++) {
      const result = await attempt();
      if (result.ok) return;
      if (result.error.code !== 'TOO_MANY_ATTEMPTS' && result.error.code !== 'WRONG_PASSWORD') {
        throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
      }
      clock.advance(((result.error.retryAfterSeconds ?? 60) + 1) * 1000);
    }
    throw new Error(`${what} kept failing`);
  }

  async function lockAs(role: Role): Promise<void> {
    await signInAs(role);
    await ok('session.lock', { reason: 'button' });
  }

  async function signOut(): Promise<void> {
    await ok('session.signOut');
  }

  return {
    folder,
    clock,
    runtime,
    dispatch,
    call,
    faults,
    ids,
    recoveryKey: setup.recoveryKey,
    signInAs,
    lockAs,
    signOut,
    close() {
      runtime.close();
      folder.remove();
    },
  };
}

export type TrustClinic = Awaited<ReturnType<typeof openTrustClinic>>;

export function sessionRecordSample(notes = 'Tolerated well.') {
  return {
    performedAt: '2026-11-25T09:30:00Z',
    device: { kind: 'pen' as const, make: 'Dermapen', model: '4', settings: 'speed 3' },
    cartridge: { name: '16-pin cartridge', lot: 'LOT-42', expiry: '2027-06-30' },
    anaesthetic: { product: 'Numbing cream', appliedAt: '09:00' },
    skinPrep: 'Cleansed',
    areas: [{ area: 'cheek-left' as const, depthMm: 0.5, passes: 2 }],
    products: [],
    endpoint: 'even-erythema' as const,
    immediateReaction: 'Mild redness',
    aftercareGiven: true,
    notes,
  };
}
