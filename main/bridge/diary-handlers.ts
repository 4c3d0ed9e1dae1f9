import type { diaryChannels } from '../../shared/contract/diary-channels';
import { signedIn, type HandlersFor } from './handler';

/** The appointment diary; the dispatcher already checked role and input. */
export const diaryHandlers: HandlersFor<keyof typeof diaryChannels> = {
  'diary.week': signedIn((input, { services }) => ({
    from: input.from,
    days: input.days,
    appointments: services.diary.week(input.from, input.days),
    practitioners: services.diary.practitioners(),
    settings: services.diarySettings.get(),
  })),
  'diary.today': signedIn((_input, { services, staff }) => services.diary.today(staff.id, staff.role !== 'reception')),
  'diary.client': signedIn((input, { services }) => services.diary.forClient(input.clientId)),
  'diary.book': signedIn((input, { services, staff }) => services.diary.book(staff.id, input)),
  'diary.bookCourse': signedIn((input, { services, staff }) => services.diary.bookCourse(staff.id, input)),
  'diary.move': signedIn((input, { services, staff }) => services.diary.move(staff.id, input)),
  'diary.setStatus': signedIn((input, { services, staff }) => services.diary.setStatus(staff.id, input)),
  'diary.settings': signedIn((_input, { services }) => services.diarySettings.get()),
  'diary.updateSettings': signedIn((input, { services, staff }) => services.diarySettings.update(staff.id, input)),
  'diary.daySheet': (input, { runtime, desktop }) => desktop.diary.daySheet(() => runtime.current(), input.day, input.practitionerId, input.to),
  'diary.saveWeekCalendar': (input, { runtime, desktop }) => desktop.diary.saveWeekCalendar(() => runtime.current(), input.from, input.practitionerId),
};
