import type { ChannelInput } from '../../../../shared/contract';
import type { diaryChannels } from '../../../../shared/contract/diary-channels';
import { diaryDefaults } from '../../../../shared/diary/diary-settings';
import type { ClinicIds } from '../trust-clinic';

const noAppointment = '00000000-0000-4000-8000-0000000000a1';

/** One valid input per diary channel (see channel-samples.ts); changes name an appointment that is not there. */
export function diarySamples(ids: ClinicIds): { [C in keyof typeof diaryChannels]: ChannelInput<C> } {
  return {
    'diary.week': { from: '2026-11-23', days: 7 },
    'diary.today': {},
    'diary.client': { clientId: ids.clientId },
    'diary.book': { clientId: ids.clientId, practitionerId: ids.staff.practitioner, roomId: null, start: '2026-11-26T10:00', minutes: 60, courseId: null, bookingNote: '', confirmWarnings: false },
    'diary.bookCourse': { courseId: ids.courseId, practitionerId: ids.staff.practitioner, roomId: null, firstStart: '2026-11-26T10:00', minutes: 60, confirmWarnings: false },
    'diary.move': { id: noAppointment, start: '2026-11-26T11:00', minutes: 60, practitionerId: ids.staff.practitioner, roomId: null, confirmWarnings: false },
    'diary.setStatus': { id: noAppointment, status: 'arrived' },
    'diary.settings': {},
    'diary.updateSettings': diaryDefaults,
    'diary.daySheet': { day: '2026-11-26', practitionerId: ids.staff.practitioner, to: 'save' },
    'diary.saveWeekCalendar': { from: '2026-11-23', practitionerId: ids.staff.practitioner },
  };
}
