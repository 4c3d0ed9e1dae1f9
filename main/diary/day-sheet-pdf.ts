import { addMinutes } from '../../shared/diary/appointment';
import { readinessWords, type ReadinessFlag } from '../../shared/diary/readiness';
import type { AppointmentView } from '../../shared/contract/diary-channels';
import { drawDirectionalText } from '../pdf/directional-text';
import { createPdfDocument, finishPdf } from '../pdf/document';
import { pdfFonts } from '../pdf/fonts';
import { opaqueOnWhite } from '../pdf/opaque-images';
import { PageCursor, drawText, pdfColours as colour, rule, textHeight } from '../pdf/page-cursor';
import type { PaperSize } from '../pdf/paper';
import { formatDay, formatInstant, type DateFormat } from '../pdf/pdf-dates';

export interface DaySheetInput {
  clinic: { name: string; address: string; phone: string; logo: Uint8Array | null };
  practitionerName: string;
  day: string;
  items: { appointment: AppointmentView; flags: ReadinessFlag[] }[];
  roomNames: Record<string, string>;
  paperSize: PaperSize;
  dateFormat: DateFormat;
  printedAt: Date;
  resourcesFolder?: string;
}

const statusWords: Record<AppointmentView['status'], string> = {
  booked: 'Booked',
  arrived: 'Arrived',
  'in-treatment': 'In treatment',
  done: 'Done',
  'no-show': 'Did not come',
  cancelled: 'Cancelled',
};

/**
 * One practitioner's day on paper: each appointment's time, client, course and what to prepare
 * (the same readiness flags as Home), with the clinic's letterhead.
 */
export async function renderDaySheetPdf(given: DaySheetInput): Promise<Buffer> {
  const logo = given.clinic.logo ? await opaqueOnWhite(given.clinic.logo).catch(() => null) : null;
  const weekday = new Date(`${given.day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const title = `Day sheet: ${given.practitionerName}`;
  const doc = await createPdfDocument({
    paperSize: given.paperSize,
    info: { title, author: given.clinic.name, subject: `Appointments on ${given.day}`, createdAt: given.printedAt },
    ...(given.resourcesFolder ? { resourcesFolder: given.resourcesFolder } : {}),
  });
  const cursor = new PageCursor(doc, { side: 48, top: 48, bottom: 56 });

  const logoSize = 48;
  const textWidth = logo ? cursor.width - logoSize - 16 : cursor.width;
  const top = cursor.y;
  if (logo) {
    try {
      doc.image(logo, cursor.left + cursor.width - logoSize, top, { fit: [logoSize, logoSize], align: 'right' });
    } catch {
      // A logo pdfkit cannot read leaves the sheet without it rather than failing it.
    }
  }
  doc.font(pdfFonts.bold).fontSize(13).fillColor(colour.ink);
  let y = drawDirectionalText(doc, given.clinic.name, { x: cursor.left, y: top, width: textWidth, maxLines: 2 });
  doc.font(pdfFonts.regular).fontSize(8.5).fillColor(colour.muted);
  const contact = [given.clinic.address.replace(/\s*\n\s*/g, ', '), given.clinic.phone].filter(Boolean).join(' · ');
  if (contact) y = drawDirectionalText(doc, contact, { x: cursor.left, y: y + 2, width: textWidth, maxLines: 3 });
  cursor.y = Math.max(y, logo ? top + logoSize : y) + 10;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(12);
  cursor.y = drawText(doc, title, cursor.left, cursor.y, cursor.width, { size: 18, bold: true, colour: colour.ink }) + 2;
  cursor.y =
    drawText(doc, `${weekday} ${formatDay(given.day, given.dateFormat)} · ${given.items.length} appointment${given.items.length === 1 ? '' : 's'}`, cursor.left, cursor.y, cursor.width, { size: 11 }) +
    12;

  if (given.items.length === 0) {
    cursor.y = drawText(doc, 'Nothing booked.', cursor.left, cursor.y, cursor.width, { size: 11 });
  }
  const timeWidth = 96;
  const bodyX = cursor.left + timeWidth;
  const bodyWidth = cursor.width - timeWidth;
  for (const { appointment, flags } of given.items) {
    const indication = appointment.courseIndication?.replace(/-/g, ' ') ?? '';
    const course =
      indication && appointment.courseSession
        ? `${indication.charAt(0).toUpperCase()}${indication.slice(1)}, session ${appointment.courseSession} of ${appointment.coursePlanned}`
        : 'Not part of a course';
    const room = appointment.roomId ? given.roomNames[appointment.roomId] : undefined;
    const details = [course, room ? `Room: ${room}` : null, `Status: ${statusWords[appointment.status]}${appointment.cancelReason ? ` (${appointment.cancelReason})` : ''}`]
      .filter(Boolean)
      .join(' · ');
    const prepare = appointment.status === 'cancelled' ? 'Nothing to prepare.' : flags.length === 0 ? 'Forms in order.' : `Prepare: ${flags.map((flag) => readinessWords[flag]).join('; ')}.`;
    const note = appointment.bookingNote ? `Note: ${appointment.bookingNote}` : '';
    const height =
      20 + textHeight(doc, details, bodyWidth, { size: 9.5 }) + textHeight(doc, prepare, bodyWidth, { size: 9.5, bold: true }) + (note ? textHeight(doc, note, bodyWidth, { size: 9.5 }) : 0) + 14;
    cursor.need(height);
    const rowTop = cursor.y;
    drawText(doc, `${appointment.start.slice(11)}–${addMinutes(appointment.start, appointment.minutes).slice(11)}`, cursor.left, rowTop, timeWidth - 8, { size: 11, bold: true, colour: colour.ink });
    let rowY = drawText(doc, appointment.clientName, bodyX, rowTop, bodyWidth, { size: 11.5, bold: true, colour: colour.ink }) + 2;
    rowY = drawText(doc, details, bodyX, rowY, bodyWidth, { size: 9.5 }) + 2;
    rowY = drawText(doc, prepare, bodyX, rowY, bodyWidth, { size: 9.5, bold: true, colour: flags.length === 0 ? colour.muted : colour.flag }) + 2;
    if (note) rowY = drawText(doc, note, bodyX, rowY, bodyWidth, { size: 9.5 }) + 2;
    cursor.y = rowY + 6;
    rule(doc, cursor.left, cursor.y, cursor.width);
    cursor.space(8);
  }
  cursor.need(30);
  cursor.space(8);
  drawText(doc, `Printed ${formatInstant(given.printedAt.toISOString(), given.dateFormat)}. Confidential: holds client names and what their records need.`, cursor.left, cursor.y, cursor.width, {
    size: 8,
    colour: colour.muted,
  });
  return finishPdf(doc);
}
