import { addMinutes, type AppointmentStatus } from './appointment';

export interface Slot {
  id: string;
  practitionerId: string;
  roomId: string | null;
  start: string;
  minutes: number;
  status: AppointmentStatus;
}

export interface Conflict {
  kind: 'practitioner' | 'room';
  /** The appointment already in that time. */
  withId: string;
}

/** Cancelled and no-show appointments hold no time: someone else may take it. */
export function holdsTime(status: AppointmentStatus): boolean {
  return status !== 'cancelled' && status !== 'no-show';
}

function overlaps(a: Pick<Slot, 'start' | 'minutes'>, b: Pick<Slot, 'start' | 'minutes'>): boolean {
  return a.start < addMinutes(b.start, b.minutes) && b.start < addMinutes(a.start, a.minutes);
}

/**
 * What an appointment would clash with: the same practitioner or the same room at an
 * overlapping time. One ending at 10:00 and one starting at 10:00 do not clash.
 */
export function conflictsFor(candidate: Omit<Slot, 'status'>, others: readonly Slot[]): Conflict[] {
  const found: Conflict[] = [];
  for (const other of others) {
    if (other.id === candidate.id || !holdsTime(other.status) || !overlaps(candidate, other)) continue;
    if (other.practitionerId === candidate.practitionerId) found.push({ kind: 'practitioner', withId: other.id });
    else if (candidate.roomId !== null && other.roomId === candidate.roomId) found.push({ kind: 'room', withId: other.id });
  }
  return found;
}
