import { clientFullName } from '../../shared/clients/client';
import { gpLetterRefusal } from '../../shared/copies/sharing-choices';
import { safeFileNamePart } from '../../shared/file-names';
import type { Services } from '../app';
import { renderGpLetterPdf } from '../pdf/gp-letter-pdf';
import { letterheadClinic } from '../pdf/letterhead';
import { renderMedicalHistoryPdf } from '../pdf/medical-history-pdf';
import { renderSessionPdf } from '../pdf/session-pdf';
import { StoreError } from '../store/store-error';

/** A record rendered for a client's or GP's copy, held in memory only, with the name a saved file gets. */
export interface RecordCopy {
  clientId: string;
  bytes: Buffer;
  fileName: string;
  /** The print queue's name for it: no client name, as the queue is seen by anyone at the printer. */
  jobName: string;
}

function fileName(client: { firstName: string; lastName: string }, what: string, isoDay: string): string {
  return `${safeFileNamePart(`${client.lastName} ${client.firstName}`, 'client')} - ${what} - ${isoDay}.pdf`;
}

/** The session as the record holds it: the one rendering behind print, save and e-mail. Not audited here: the caller says what was done with it. */
export async function sessionRecordCopy(services: Services, sessionId: string): Promise<RecordCopy> {
  const session = services.sessions.get(sessionId);
  const client = services.clients.get(session.clientId);
  const settings = services.settings.get();
  const bytes = await renderSessionPdf({
    clinic: await letterheadClinic(settings),
    clientName: clientFullName(client),
    dateOfBirth: client.dateOfBirth,
    practitionerName: session.practitionerName,
    record: session.record,
    basis: session.basis,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    updatedByName: session.updatedByName,
    amendments: session.amendments,
    paperSize: settings.paperSize,
    dateFormat: settings.dateFormat,
    printedAt: services.clock.now(),
  });
  return { clientId: session.clientId, bytes, fileName: fileName(client, 'session', session.record.performedAt.slice(0, 10)), jobName: `Session ${session.record.performedAt.slice(0, 10)}` };
}

/** One medical-history answer set of a client, as recorded that day. */
export async function medicalHistoryCopy(services: Services, clientId: string, entryId: string): Promise<RecordCopy> {
  const entry = services.medicalHistory.readEntries(clientId).find((candidate) => candidate.id === entryId);
  if (!entry) throw new StoreError('NOT_FOUND', 'That medical-history entry does not exist.');
  const client = services.clients.get(clientId);
  const settings = services.settings.get();
  const bytes = await renderMedicalHistoryPdf({
    clinic: await letterheadClinic(settings),
    clientName: clientFullName(client),
    dateOfBirth: client.dateOfBirth,
    entry,
    paperSize: settings.paperSize,
    dateFormat: settings.dateFormat,
    printedAt: services.clock.now(),
  });
  return { clientId, bytes, fileName: fileName(client, 'medical history', entry.recordedAt.slice(0, 10)), jobName: `Medical history ${entry.recordedAt.slice(0, 10)}` };
}

/** The GP letter for one session; refused unless the client agreed and their GP is on record. */
export async function gpLetterCopy(services: Services, sessionId: string): Promise<RecordCopy> {
  const session = services.sessions.get(sessionId);
  const client = services.clients.get(session.clientId);
  const refusal = gpLetterRefusal(services.copies.choice(client.id, 'gp-letter'), client.gp);
  if (refusal) throw new StoreError('INVALID_INPUT', refusal);
  const settings = services.settings.get();
  const bytes = await renderGpLetterPdf({
    clinic: await letterheadClinic(settings),
    template: services.copies.gpLetterTemplate(),
    gp: client.gp,
    clientName: clientFullName(client),
    dateOfBirth: client.dateOfBirth,
    practitionerName: session.practitionerName,
    record: session.record,
    basis: session.basis,
    paperSize: settings.paperSize,
    dateFormat: settings.dateFormat,
    writtenAt: services.clock.now(),
  });
  const day = session.record.performedAt.slice(0, 10);
  return { clientId: client.id, bytes, fileName: fileName(client, 'GP letter', day), jobName: `GP letter ${day}` };
}
