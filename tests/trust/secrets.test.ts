import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';
import { Vault } from '../../main/vault/vault';
import { logFolder, openShellLog } from '../../main/shell/shell-log';
import { answeredHistory } from '../support/medical-history';
import type { BridgeResult } from '../../shared/contract';
import { errorText, keyForms, recoveryKeyForms, secretsIn, type Secret } from './support/secret-scan';
import { adminName, adminPassword, openTrustClinic, sessionRecordSample, staffNames, staffPasswords, type TrustClinic } from './support/trust-clinic';

/** Client data no error, fault, log line or console line may ever carry. */
const markers = {
  first: 'Qorvianne',
  last: 'Zyllbrecht',
  notes: 'Keloid-history-note-7d3f',
  medication: 'Isotretinoin-marker-51c2',
  lot: 'LOTMARK-88421',
  phone: '07700 955 321',
};
const wrongPassword = 'guessed-wrong-4f1e9a';

/** Captures console and the process streams for the length of a scenario. */
function captureOutput(): { text: () => string; restore: () => void } {
  const captured: string[] = [];
  const record = (...args: unknown[]) => captured.push(args.map((a) => errorText(a)).join(' '));
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) => vi.spyOn(console, method).mockImplementation(record)),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (record(String(chunk)), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (record(String(chunk)), true)),
  ];
  return { text: () => captured.join('\n'), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

describe('secrets stay out of error messages, fault reports, the log and the console', () => {
  it('through a busy day of sign-ins, wrong passwords, client records, sessions and faults', async () => {
    const output = captureOutput();
    cleanup.push(() => output.restore());
    console.warn('capture canary');
    expect(output.text()).toContain('capture canary');
    const userData = tempFolder('skinledger-userdata-');
    cleanup.push(() => userData.remove());
    // The shell's own log, fed the dispatcher's faults exactly as main/index.ts feeds it.
    const log = openShellLog(logFolder(userData.path));
    const clinic: TrustClinic = await openTrustClinic({
      clientName: { first: markers.first, last: markers.last },
      sessionNotes: markers.notes,
      // A save dialog answered with a folder that has gone (a USB stick pulled out).
      chooseSavePath: async () => join(userData.path, 'unplugged-drive', 'Recovery Kit.pdf'),
      reportFault: (channel, error) => log.fault(channel, error),
    });
    cleanup.push(() => {
      try {
        clinic.runtime.close();
      } catch {
        // The last step below closed the database under the runtime on purpose.
      }
      clinic.folder.remove();
    });
    const dataKey = new Vault(clinic.folder.path, { clock: new TestClock() }).unlockWithRecoveryKey(clinic.recoveryKey);
    const secrets: Secret[] = [
      ...recoveryKeyForms(clinic.recoveryKey),
      ...keyForms('data key', dataKey),
      ...Object.entries(staffPasswords).map(([role, value]) => ({ label: `${role} password`, value })),
      { label: 'wrong password', value: wrongPassword },
      ...Object.entries(markers).map(([field, value]) => ({ label: `client ${field}`, value })),
    ];

    const errors: unknown[] = [];
    const call = async (channel: string, input: unknown = {}) => {
      const result: BridgeResult<unknown> = await clinic.call(channel, input);
      if (!result.ok) errors.push(result.error);
      return result;
    };
    const { clientId, sessionId } = clinic.ids;

    await call('setup.saveRecoveryKit');
    await call('session.lock', { reason: 'idle' });
    await call('session.unlock', { password: wrongPassword });
    await call('session.unlock', { password: adminPassword });
    clinic.clock.advance(2_000);
    await call('session.unlock', { password: adminPassword });
    await call('session.login', { name: staffNames.practitioner, password: wrongPassword });
    clinic.clock.advance(61_000);
    await call('session.login', { name: `${markers.first} ${markers.last}`, password: staffPasswords.practitioner });
    clinic.clock.advance(61_000);
    await call('session.login', { name: staffNames.practitioner, password: staffPasswords.practitioner });
    await call('session.changePassword', { currentPassword: wrongPassword, newPassword: `${wrongPassword}-new` });
    await call('staff.add', { name: 'Too Long', role: 'reception', password: wrongPassword.repeat(30) });
    await call('clients.create', { fields: { firstName: markers.first, lastName: markers.last, dateOfBirth: '1990-04-01' }, allowDuplicate: false });
    await call('clients.create', { fields: { firstName: markers.first, lastName: markers.last, email: `${markers.last}@`, phone: markers.phone }, allowDuplicate: true });
    await call('clients.update', { id: clientId, fields: { firstName: markers.first, lastName: markers.last.repeat(20), notes: markers.notes } });
    await call('clients.find', { text: markers.last, offset: 0, limit: 10 });
    await call('clients.profile', { id: clientId });
    await call('clients.profile', { id: `${markers.last}-no-such-client` });
    await call('medicalHistory.record', {
      clientId,
      answers: answeredHistory({ currentMedications: { answer: 'some', text: markers.medication }, pregnantOrBreastfeeding: { answer: 'yes', detail: markers.notes } }),
    });
    await call('sessions.record', { clientId, courseId: null, record: sessionRecordSample(markers.notes), depthsConfirmed: false, noConsentReason: 'Test clinic: no consent form signed.' });
    await call('screening.override', { clientId, reason: `${markers.notes} discussed` });
    const deep = { ...sessionRecordSample(markers.notes), areas: [{ area: 'forehead', depthMm: 2.5, passes: 1 }] };
    await call('sessions.record', { clientId, courseId: null, record: deep, depthsConfirmed: false, noConsentReason: 'Test clinic: no consent form signed.' });
    await call('sessions.findByLot', { lot: markers.lot });
    clinic.clock.advance(2 * 24 * 3600_000);
    await call('sessions.change', { id: sessionId, record: sessionRecordSample(markers.medication), reason: null, depthsConfirmed: false });
    await call('courses.create', { clientId: `${markers.first}-missing`, course: { indication: markers.notes, plannedSessions: 3, intervalWeeks: 4, startedOn: '2026-11-25' } });
    await call('session.login', { name: adminName, password: adminPassword });
    await call('settings.update', { clinicName: markers.last.repeat(20), clinicAddress: '', clinicPhone: '', logo: null, idleLockMinutes: 5, paperSize: 'A4', dateFormat: 'DD/MM/YYYY' });
    // The disk goes away under a running app: every call now fails inside a service.
    clinic.runtime.current().services.db.close();
    await call('clients.find', { text: markers.first, offset: 0, limit: 10 });
    await call('sessions.record', { clientId, courseId: null, record: sessionRecordSample(markers.notes), depthsConfirmed: false, noConsentReason: 'Test clinic: no consent form signed.' });
    output.restore();

    const logText = readFileSync(join(logFolder(userData.path), 'skinledger.log'), 'utf8');
    const errorCodes = errors.map((e) => (e as { code: string }).code);
    // Not vacuous: wrong passwords, bad input, missing records, duplicates, confirmations, faults.
    for (const code of ['SAVE_FAILED', 'WRONG_PASSWORD', 'TOO_MANY_ATTEMPTS', 'INVALID_INPUT', 'NOT_FOUND', 'POSSIBLE_DUPLICATE', 'NEEDS_OVERRIDE', 'NEEDS_CONFIRMATION', 'INTERNAL']) {
      expect(errorCodes, code).toContain(code);
    }
    // The two calls after the database was closed under the runtime; a failed save is a typed SAVE_FAILED.
    expect(clinic.faults.length).toBeGreaterThanOrEqual(2);
    expect(logText).toContain('fault');

    expect(
      errors.flatMap((e) => secretsIn(JSON.stringify(e), secrets)),
      'error messages',
    ).toEqual([]);
    expect(
      clinic.faults.flatMap((f) => secretsIn(errorText(f.error), secrets)),
      'what reportFault received',
    ).toEqual([]);
    expect(secretsIn(logText, secrets), 'the shell log').toEqual([]);
    expect(secretsIn(output.text(), secrets), 'console and process output').toEqual([]);
    console.log(
      `[trust] secrets: ${secrets.length} secret forms checked in ${errors.length} error answers, ${clinic.faults.length} fault reports, ` +
        `${logText.split('\n').length - 1} log lines and ${output.text().length} characters of captured console output: none found`,
    );
  });

  // A password typed into the name box (a common slip) must not end up in the trail an
  // inspector is shown: a failed sign-in records whose name it was, never the text typed.
  it('a password typed into the name box is not kept in the audit trail', async () => {
    const clinic = await openTrustClinic();
    cleanup.push(() => clinic.close());
    await clinic.call('session.lock');
    await clinic.call('session.login', { name: staffPasswords.practitioner, password: staffPasswords.practitioner });
    clinic.clock.advance(61_000);
    expect((await clinic.call('session.login', { name: adminName, password: adminPassword })).ok).toBe(true);
    const details = clinic.runtime
      .current()
      .services.audit.recent(20)
      .map((row) => row.detail)
      .join('\n');
    expect(details).not.toContain(staffPasswords.practitioner);
  });
});
