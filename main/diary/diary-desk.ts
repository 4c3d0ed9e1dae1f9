import type { SignedIn } from '../app';
import type { DesktopPorts } from '../desktop/ports';
import { writeChosenFile } from '../files/write-chosen-file';
import { renderDaySheetPdf } from './day-sheet-pdf';
import { weekCalendar } from './week-calendar';

/** The diary on paper and on a phone: the day sheet (print or PDF) and a practitioner's week as .ics. */
export class DiaryDesk {
  constructor(private readonly ports: DesktopPorts) {}

  async daySheet(current: () => SignedIn, day: string, practitionerId: string, to: 'print' | 'save'): Promise<{ done: boolean }> {
    const { services } = current();
    const settings = services.settings.get();
    const diarySettings = services.diarySettings.get();
    const practitionerName = services.diary.practitionerName(practitionerId);
    const pdf = await renderDaySheetPdf({
      clinic: { name: settings.clinicName, address: settings.clinicAddress, phone: settings.clinicPhone, logo: settings.logo },
      practitionerName,
      day,
      items: services.diary.daySheet(day, practitionerId),
      roomNames: Object.fromEntries(diarySettings.rooms.map((room) => [room.id, room.name])),
      paperSize: settings.paperSize,
      dateFormat: settings.dateFormat,
      printedAt: services.clock.now(),
    });
    let done: boolean;
    if (to === 'print') done = await this.ports.printPdf(pdf, `Day sheet ${day}`);
    else {
      const path = await this.ports.chooseSavePath({ title: 'Save the day sheet', defaultName: `Day sheet ${day} ${practitionerName}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (path) writeChosenFile(path, pdf, 'The day sheet');
      done = path !== null;
    }
    // Asked again after the dialog: the screen may have locked while it was open.
    if (done) {
      const { services: after, staff } = current();
      after.audit.append({ staffId: staff.id, action: 'diary.day-sheet', entity: 'diary', entityId: day, detail: `practitioner=${practitionerId} ${to}` });
    }
    return { done };
  }

  async saveWeekCalendar(current: () => SignedIn, from: string, practitionerId: string): Promise<{ saved: boolean }> {
    const { services } = current();
    const practitionerName = services.diary.practitionerName(practitionerId);
    const text = weekCalendar(services.diary.calendarWeek(practitionerId, from), {
      clinicName: services.settings.get().clinicName,
      practitionerName,
      surnames: services.diarySettings.get().icsSurnames,
    });
    const path = await this.ports.chooseSavePath({
      title: 'Save the week as a calendar file',
      defaultName: `${practitionerName} week of ${from}.ics`,
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
    if (!path) return { saved: false };
    writeChosenFile(path, text, 'The calendar file');
    const { services: after, staff } = current();
    after.audit.append({ staffId: staff.id, action: 'diary.calendar-export', entity: 'diary', entityId: from, detail: `practitioner=${practitionerId}` });
    return { saved: true };
  }
}
