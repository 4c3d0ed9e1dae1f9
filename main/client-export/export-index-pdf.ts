import { drawDirectionalText } from '../pdf/directional-text';
import { createPdfDocument, finishPdf } from '../pdf/document';
import { pdfFonts } from '../pdf/fonts';
import { PageCursor, drawText, pdfColours as colour, rule, textHeight } from '../pdf/page-cursor';
import type { PaperSize } from '../pdf/paper';

export interface IndexEntry {
  file: string;
  description: string;
}

export interface ExportIndexInput {
  clinicName: string;
  clientName: string;
  createdAt: Date;
  paperSize: PaperSize;
  entries: IndexEntry[];
  /** The day of the export in the clinic's date order. */
  exportedOn: string;
  /** The treatment history in words (see readable-parts), shown before the list of files. */
  history: TreatmentHistory;
}

export interface TreatmentHistory {
  /** Each consent form with where it stands today. */
  consents: string[];
  /** Each session: date, practitioner, areas, exceptions, amendments. */
  sessions: string[];
  /** Each medical-history version: when, by whom, the alerts it raised. */
  medicalHistory: string[];
  /** How many photos are in the export; null when photos are not part of it. */
  photos: number | null;
  /** Screening overrides recorded on a day no session was saved under them. */
  otherExceptions: string[];
}

/**
 * The first page a client (or their representative) opens: their treatment history in words
 * (consents and where they stand, sessions with their exceptions, history versions, photos),
 * then what the export holds, file by file.
 */
export async function renderExportIndexPdf(input: ExportIndexInput): Promise<Buffer> {
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    info: { title: `Record export · ${input.clientName}`, author: input.clinicName, subject: 'Copy of a client record (right of access)', createdAt: input.createdAt },
  });
  const cursor = new PageCursor(doc, { side: 56, top: 56, bottom: 56 });
  doc.font(pdfFonts.bold).fontSize(11).fillColor(colour.muted);
  cursor.y = drawDirectionalText(doc, input.clinicName, { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 2 }) + 6;
  cursor.y = drawText(doc, 'Your record', cursor.left, cursor.y, cursor.width, { size: 20, bold: true, colour: colour.ink }) + 2;
  doc.font(pdfFonts.bold).fontSize(12).fillColor(colour.ink);
  cursor.y = drawDirectionalText(doc, input.clientName, { x: cursor.left, y: cursor.y, width: cursor.width, maxLines: 2 }) + 4;
  cursor.y = drawText(doc, `Exported ${input.exportedOn}.`, cursor.left, cursor.y, cursor.width, { size: 10, colour: colour.body }) + 10;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(10);
  const section = (title: string, lines: readonly string[], empty: string) => {
    cursor.need(40);
    cursor.y = drawText(doc, title, cursor.left, cursor.y, cursor.width, { size: 11, bold: true, colour: colour.ink }) + 3;
    for (const line of lines.length > 0 ? lines : [empty]) {
      // A bulleted line belongs to the line above it (a session's exceptions): indented further.
      const indent = line.startsWith('\u2022') ? 24 : 10;
      const options = { size: 9.5, ...(indent > 10 ? { colour: colour.flag } : {}) };
      cursor.need(textHeight(doc, line, cursor.width - indent, options) + 4);
      cursor.y = drawText(doc, line, cursor.left + indent, cursor.y, cursor.width - indent, options) + (indent > 10 ? 2 : 4);
    }
    cursor.space(6);
  };
  cursor.y = drawText(doc, 'Your treatment history', cursor.left, cursor.y, cursor.width, { size: 13, bold: true, colour: colour.ink }) + 6;
  const { history } = input;
  section('Consent forms', history.consents, 'No consent forms are recorded.');
  section('Treatment sessions', history.sessions, 'No treatment sessions are recorded.');
  if (history.otherExceptions.length > 0) section('Other exceptions', history.otherExceptions, '');
  section('Medical history', history.medicalHistory, 'No medical history is recorded.');
  section(
    'Photos',
    [
      history.photos === null
        ? 'Photographs are not part of this export; ask the clinic for copies.'
        : history.photos === 0
          ? 'No photos are recorded.'
          : `${history.photos} photo${history.photos === 1 ? '' : 's'}, in the folder "photos".`,
    ],
    '',
  );
  cursor.space(8);
  cursor.need(40);
  cursor.y = drawText(doc, 'Everything the clinic holds about you in SkinLedger is in this folder:', cursor.left, cursor.y, cursor.width, { size: 10, colour: colour.body }) + 8;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(10);
  const fileWidth = 190;
  for (const entry of input.entries) {
    const height = Math.max(textHeight(doc, entry.file, fileWidth - 8, { size: 9 }), textHeight(doc, entry.description, cursor.width - fileWidth, { size: 9.5 })) + 6;
    cursor.need(height);
    const top = cursor.y;
    drawText(doc, entry.file, cursor.left, top, fileWidth - 8, { size: 9, colour: colour.accent });
    cursor.y = Math.max(doc.y, drawText(doc, entry.description, cursor.left + fileWidth, top, cursor.width - fileWidth, { size: 9.5 })) + 6;
  }
  return finishPdf(doc);
}
