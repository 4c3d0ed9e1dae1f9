import type { TreatmentSessionView } from '../../shared/clinical/records';
import type { ClinicSettings } from '../../shared/settings';

type DateFormat = ClinicSettings['dateFormat'];

/** A calendar day (the first ten characters of an ISO date or time) in the clinic's date order. */
export function clinicDay(iso: string, format: DateFormat): string {
  const [y = '', m = '', d = ''] = iso.slice(0, 10).split('-');
  return format === 'DD/MM/YYYY' ? `${d}/${m}/${y}` : format === 'MM/DD/YYYY' ? `${m}/${d}/${y}` : `${y}-${m}-${d}`;
}

/** A moment's calendar day on this computer's clock, in the clinic's date order. */
export function clinicLocalDay(at: Date, format: DateFormat): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return clinicDay(`${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`, format);
}

/** A stored code as a reader says it: "cheek-right" is "cheek right", "left-45" is "left 45°". */
export function inWords(code: string): string {
  return code.replace(/-45$/, ' 45\u00b0').replace(/-/g, ' ');
}

/**
 * The treatment history in a few lines for the export's index: each session oldest first with its
 * date, practitioner and the areas treated (depth and passes), and how often it was amended.
 */
export function treatmentSummary(sessions: readonly TreatmentSessionView[], format: DateFormat): string[] {
  if (sessions.length === 0) return ['No treatment sessions are recorded.'];
  const oldestFirst = [...sessions].sort((a, b) => a.record.performedAt.localeCompare(b.record.performedAt));
  return oldestFirst.map((session, index) => {
    const areas = session.record.areas.map((area) => `${inWords(area.area)} ${area.depthMm} mm \u00d7 ${area.passes}`).join(', ');
    const amended = session.amendments.length > 0 ? `; amended ${session.amendments.length} time${session.amendments.length === 1 ? '' : 's'}` : '';
    return `Session ${index + 1}, ${clinicDay(session.record.performedAt, format)}, by ${session.practitionerName}: ${areas || 'no areas recorded'}${amended}.`;
  });
}
