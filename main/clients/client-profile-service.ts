import { ageOn, type Client } from '../../shared/clients/client';
import { clientContactFields, type ClientContact } from '../../shared/contract/client-channels';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { MedicalHistoryEntry, MedicalHistoryService, ScreeningState } from '../medical-history/medical-history-service';
import type { StaffService } from '../staff/staff-service';
import type { Course, CourseService } from '../treatments/course-service';
import type { SessionService, TreatmentSession } from '../treatments/session-service';
import type { SqliteDatabase } from '../store/open-database';
import type { ClientService } from './client-service';

/** Today's screening, naming whoever recorded the override (the profile says who, when and why). */
export type NamedScreening = Omit<ScreeningState, 'override'> & {
  override: (NonNullable<ScreeningState['override']> & { overriddenByName: string }) | null;
};

export interface ClientProfileRead {
  client: Client;
  age: number | null;
  courses: Course[];
  /** Health data: null when the reader may not see it (reception). */
  screening: NamedScreening | null;
  sessions: TreatmentSession[] | null;
  medicalHistory: MedicalHistoryEntry[] | null;
}

export interface ClientContactRead {
  client: ClientContact;
  age: number | null;
  courses: Omit<Course, 'notes'>[];
}

/** Identity and contact fields only: the clinical ones are left out, not blanked. */
export function contactOf(client: Client): ClientContact {
  const contact: Record<string, unknown> = { id: client.id, archived: client.archived, createdAt: client.createdAt, updatedAt: client.updatedAt };
  for (const field of clientContactFields) contact[field] = client[field];
  return contact as ClientContact;
}

interface ProfileParts {
  db: SqliteDatabase;
  audit: AuditLog;
  clock: Clock;
  clients: ClientService;
  medicalHistory: MedicalHistoryService;
  courses: CourseService;
  sessions: SessionService;
  staff: StaffService;
}

/**
 * Opening a client's profile: everything the screen shows in one read transaction with one
 * audit row, so a profile view costs one commit (one disk flush) instead of one per part, and
 * the audit row says what was read (how many sessions and history entries, never their content).
 */
export class ClientProfileService {
  constructor(private readonly parts: ProfileParts) {}

  open(by: string, clientId: string, options: { healthData: boolean }): ClientProfileRead {
    const { db, audit, clients, courses, sessions, medicalHistory } = this.parts;
    return db.transaction(() => {
      const client = clients.get(clientId);
      const today = this.parts.clock.now().toISOString().slice(0, 10);
      const read: ClientProfileRead = {
        client,
        age: client.dateOfBirth ? ageOn(client.dateOfBirth, today) : null,
        courses: courses.forClient(clientId),
        screening: options.healthData ? this.screening(clientId) : null,
        sessions: options.healthData ? sessions.readForClient(clientId) : null,
        medicalHistory: options.healthData ? medicalHistory.readEntries(clientId) : null,
      };
      const detail = read.sessions && read.medicalHistory ? `sessions=${read.sessions.length} history=${read.medicalHistory.length}` : '';
      audit.append({ staffId: by, action: 'client.view', entity: 'client', entityId: clientId, detail });
      return read;
    })();
  }

  /**
   * The front desk's view of a client: contact details, age and courses, never a clinical
   * field. One audited read, like the full profile.
   */
  openContact(by: string, clientId: string): ClientContactRead {
    const { db, audit, clients, courses } = this.parts;
    return db.transaction(() => {
      const client = clients.get(clientId);
      const today = this.parts.clock.now().toISOString().slice(0, 10);
      const read: ClientContactRead = {
        client: contactOf(client),
        age: client.dateOfBirth ? ageOn(client.dateOfBirth, today) : null,
        courses: courses.forClient(clientId).map(({ notes: _notes, ...course }) => course),
      };
      audit.append({ staffId: by, action: 'client.view', entity: 'client', entityId: clientId, detail: 'contact details only' });
      return read;
    })();
  }

  screening(clientId: string): NamedScreening {
    const state = this.parts.medicalHistory.screening(clientId);
    if (!state.override) return { ...state, override: null };
    return { ...state, override: { ...state.override, overriddenByName: this.parts.staff.find(state.override.overriddenBy)?.name ?? '' } };
  }
}
