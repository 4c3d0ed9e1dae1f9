import type { Channel, ChannelInput } from '../../../shared/contract';
import { answeredHistory } from '../../support/medical-history';
import { auditSamples } from './samples/audit-samples';
import { consentSamples } from './samples/consent-samples';
import { photoSamples } from './samples/photo-samples';
import { adminName, adminPassword, sessionRecordSample, type ClinicIds } from './trust-clinic';

/**
 * One valid input per channel, pointing at the trust clinic's records. Mutations of these reach
 * the handlers (random payloads rarely get past the schema), and the role matrix sends them so
 * an allowed call is answered by its handler. Typed against the contract: a new channel without
 * a sample does not compile.
 */
export function channelSamples(ids: ClinicIds): { [C in Channel]: ChannelInput<C> } {
  return {
    'app.status': {},
    'setup.create': { clinicName: 'Second Clinic', clinicAddress: '', adminName: 'Eve', password: 'another long password' },
    'setup.saveRecoveryKit': {},
    'setup.acknowledgeRecoveryKey': {},
    'session.login': { name: adminName, password: adminPassword },
    'session.unlock': { password: adminPassword },
    'session.lock': { reason: 'button' },
    'session.signOut': {},
    'session.changePassword': { currentPassword: adminPassword, newPassword: 'a changed password 1' },
    'staff.list': {},
    'staff.add': { name: 'New Starter', role: 'reception', password: 'new starter password' },
    'staff.update': { id: ids.staff.practitioner, name: 'Pia Practitioner', role: 'practitioner', active: true },
    'staff.resetPassword': { id: ids.staff.practitioner, newPassword: 'practitioner password 1' },
    'settings.get': {},
    'settings.update': {
      clinicName: 'Trust Clinic',
      clinicAddress: '1 Test Street',
      clinicPhone: '',
      logo: null,
      idleLockMinutes: 5,
      paperSize: 'A4',
      dateFormat: 'DD/MM/YYYY',
    },
    'clients.find': { text: 'fuzz', offset: 0, limit: 20 },
    'clients.recent': { limit: 10 },
    'clients.profile': { id: ids.clientId },
    'clients.possibleDuplicates': { firstName: 'Fuzz', lastName: 'Target', dateOfBirth: '1990-04-01', phone: '', email: '', exceptId: null },
    'clients.create': { fields: { firstName: 'Another', lastName: 'Client' }, allowDuplicate: true },
    'clients.update': { id: ids.clientId, fields: { firstName: 'Fuzz', lastName: 'Target', dateOfBirth: '1990-04-01', phone: '07700 900123', email: 'fuzz@example.com' } },
    'clients.contact': { id: ids.clientId },
    'clients.register': { fields: { firstName: 'Front', lastName: 'Desk', phone: '07700 900999' }, allowDuplicate: true },
    'clients.updateContact': { id: ids.clientId, fields: { phone: '07700 900123' } },
    'clients.setArchived': { id: ids.clientId, archived: false },
    'medicalHistory.list': { clientId: ids.clientId },
    'medicalHistory.print': { clientId: ids.clientId, entryId: ids.historyId },
    'medicalHistory.savePdf': { clientId: ids.clientId, entryId: ids.historyId },
    'medicalHistory.record': { clientId: ids.clientId, answers: answeredHistory() },
    'screening.override': { clientId: ids.clientId, reason: 'Discussed with the client and their GP.' },
    'courses.create': { clientId: ids.clientId, course: { indication: 'fine-lines-wrinkles', plannedSessions: 3, intervalWeeks: 6, startedOn: '2026-11-25' } },
    'courses.setStatus': { id: ids.courseId, status: 'active' },
    'courses.overdue': { limit: 20 },
    'sessions.list': { clientId: ids.clientId },
    'sessions.record': { clientId: ids.clientId, courseId: ids.courseId, record: sessionRecordSample(), depthsConfirmed: false, noConsentReason: 'Test clinic: no consent form signed.' },
    'sessions.change': { id: ids.sessionId, record: sessionRecordSample('Changed note.'), reason: 'Corrected the note.', depthsConfirmed: false },
    'sessions.findByLot': { lot: 'LOT-42' },
    'sessions.print': { id: ids.sessionId },
    'sessions.savePdf': { id: ids.sessionId },
    'sessions.recallExported': { lot: 'LOT-42', rows: 1 },
    'areaDepths.list': {},
    'areaDepths.set': { area: 'forehead', typicalMm: 0.25, maxMm: 0.5 },
    'noteSnippets.list': {},
    'noteSnippets.replace': { snippets: [{ code: 'ee', text: 'Even erythema reached.' }] },
    'backup.status': {},
    'backup.settings.get': {},
    'backup.settings.update': { keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 },
    'backup.chooseFolder': {},
    'backup.runNow': {},
    'backup.list': {},
    'backup.verify': { file: 'skinledger-backup-2026-11-25T09-00-00Z.slbackup' },
    'backup.restore.chooseFile': {},
    'backup.restore.pickListed': { file: 'skinledger-backup-2026-11-25T09-00-00Z.slbackup' },
    'backup.restore.progress': {},
    'backup.restore.withoutSignIn': { key: { kind: 'recovery', recoveryKey: 'not-the-recovery-key' } },
    'backup.restore.replaceStore': { key: { kind: 'password', name: adminName, password: 'not the admin password' } },
    'backup.keptAside.list': {},
    'backup.keptAside.delete': { name: 'data.replaced-2026-11-25T09-00-00Z' },
    // Not the admin's password: a sample must never really change the trust clinic's key mid-matrix.
    'rekey.run': { password: 'not the admin password' },
    'rekey.progress': {},
    'rekey.saveRecoveryKit': {},
    'rekey.acknowledge': {},
    // The dialogs are cancelled in the trust clinic's desktop, so no file is read or written.
    'clients.import.choose': {},
    'clients.import.useMapping': { fileId: '00000000-0000-4000-8000-000000000001', name: 'Old system' },
    'clients.import.plan': { fileId: '00000000-0000-4000-8000-000000000001', mapping: ['fullName'], dateOrder: 'dmy' },
    'clients.import.run': { fileId: '00000000-0000-4000-8000-000000000001', jobId: '00000000-0000-4000-8000-000000000002', mapping: ['fullName'], dateOrder: 'dmy', matching: 'skip', saveMappingAs: '' },
    'clients.import.progress': { jobId: '00000000-0000-4000-8000-000000000002' },
    'clients.import.cancel': { jobId: '00000000-0000-4000-8000-000000000002' },
    'clients.import.saveReport': { fileId: '00000000-0000-4000-8000-000000000001' },
    'clinic.export': { jobId: '00000000-0000-4000-8000-000000000003' },
    'clinic.export.progress': { jobId: '00000000-0000-4000-8000-000000000003' },
    'clinic.export.cancel': { jobId: '00000000-0000-4000-8000-000000000003' },
    ...consentSamples(ids),
    ...photoSamples(ids),
    'clients.exportRecord': { clientId: ids.clientId },
    'clients.export': { clientId: ids.clientId },
    ...auditSamples(ids),
  };
}
