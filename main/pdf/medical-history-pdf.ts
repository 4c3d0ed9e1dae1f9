import { answerInWords } from '../../shared/screening/answers-in-words';
import { answerState, questionKeys, questionNames, type MedicalHistoryAnswers, type QuestionKey } from '../../shared/screening/medical-history';
import { flaggedQuestions, type ScreeningAlert } from '../../shared/screening/rules';
import { drawDirectionalText } from './directional-text';
import { createPdfDocument, finishPdf } from './document';
import { pdfFonts } from './fonts';
import { drawLetterhead, drawPageFooters, type LetterheadClinic } from './letterhead';
import { PageCursor, drawText, pdfColours as colour, rule, textHeight } from './page-cursor';
import type { PaperSize } from './paper';
import { formatDay, formatInstant, type DateFormat } from './pdf-dates';
import { pageLayout } from './session-pdf';

export interface MedicalHistoryPdfInput {
  clinic: LetterheadClinic;
  clientName: string;
  dateOfBirth: string | null;
  entry: {
    recordedAt: string;
    recordedByName: string;
    answers: MedicalHistoryAnswers;
    carriedForward: { fromRecordedAt: string; questions: readonly QuestionKey[] } | null;
    legacyForm: boolean;
    /** As screened when the answers were recorded: the paper shows that day's alerts. */
    alerts: readonly ScreeningAlert[];
  };
  paperSize: PaperSize;
  dateFormat: DateFormat;
  printedAt: Date;
  resourcesFolder?: string;
}

/**
 * One medical-history answer set on paper: every question with its answer in words. A question
 * nobody asked prints "Not answered" and a refusal "Client declined to answer", never "No"; the
 * alerts screened that day are listed and their answers marked.
 */
export async function renderMedicalHistoryPdf(input: MedicalHistoryPdfInput): Promise<Buffer> {
  const { entry } = input;
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    bufferPages: true,
    archival: true,
    info: { title: `Medical history — ${input.clientName}`, author: input.clinic.name, subject: 'Medical history answers', createdAt: input.printedAt },
    ...(input.resourcesFolder ? { resourcesFolder: input.resourcesFolder } : {}),
  });
  const cursor = new PageCursor(doc, { side: pageLayout.side, top: pageLayout.side, bottom: pageLayout.footerHeight + 16 });
  const day = (iso: string) => formatDay(iso.slice(0, 10), input.dateFormat);

  drawLetterhead(cursor, input.clinic);
  cursor.y = drawText(doc, 'Medical history', cursor.left, cursor.y, cursor.width, { size: 20, bold: true, colour: colour.ink }) + 4;
  doc.font(pdfFonts.regular).fontSize(11).fillColor(colour.body);
  cursor.y =
    drawDirectionalText(doc, `${input.clientName}${input.dateOfBirth ? `, born ${formatDay(input.dateOfBirth, input.dateFormat)}` : ''}`, {
      x: cursor.left,
      y: cursor.y,
      width: cursor.width,
      maxLines: 2,
    }) + 4;
  cursor.y = drawText(doc, `Answers recorded ${formatInstant(entry.recordedAt, input.dateFormat)} by ${entry.recordedByName}`, cursor.left, cursor.y, cursor.width, { size: 10.5 }) + 3;
  if (entry.legacyForm) {
    cursor.y = drawText(doc, 'Recorded on the earlier form, which saved a question left alone as "No".', cursor.left, cursor.y, cursor.width, { size: 9.5, colour: colour.flag }) + 3;
  }
  rule(doc, cursor.left, cursor.y + 4, cursor.width);
  cursor.space(14);

  cursor.y = drawText(doc, 'Screening when recorded', cursor.left, cursor.y, cursor.width, { size: 12.5, bold: true, colour: colour.ink }) + 3;
  if (entry.alerts.length === 0) cursor.y = drawText(doc, 'No alerts.', cursor.left, cursor.y, cursor.width, { size: 10.5 }) + 3;
  for (const alert of entry.alerts) {
    const text = `• ${alert.level === 'stop' ? 'STOP' : 'Caution'}: ${alert.summary}`;
    cursor.need(textHeight(doc, text, cursor.width - 4, { size: 10.5 }) + 3);
    cursor.y = drawText(doc, text, cursor.left + 4, cursor.y, cursor.width - 4, { size: 10.5, colour: colour.flag }) + 3;
  }
  cursor.space(10);

  const flags = flaggedQuestions(entry.alerts);
  const labelWidth = 230;
  const answerX = cursor.left + labelWidth + 12;
  const answerWidth = cursor.width - labelWidth - 12;
  cursor.need(40);
  cursor.y = drawText(doc, 'Answers', cursor.left, cursor.y, cursor.width, { size: 12.5, bold: true, colour: colour.ink }) + 6;
  for (const key of questionKeys) {
    const label = questionNames[key];
    const answer = answerInWords(entry, key, day);
    const state = answerState(entry.answers, key);
    const level = flags[key];
    const shown = level ? `${answer} (${level === 'stop' ? 'stop' : 'caution'})` : answer;
    const height = Math.max(textHeight(doc, label, labelWidth, { size: 9.5 }), textHeight(doc, shown, answerWidth, { size: 10, bold: true })) + 4;
    cursor.need(height);
    const top = cursor.y;
    drawText(doc, label, cursor.left, top, labelWidth, { size: 9.5, colour: colour.muted });
    const answerColour = level ? colour.flag : state === 'answered' ? colour.ink : colour.muted;
    drawText(doc, shown, answerX, top, answerWidth, { size: 10, bold: state === 'answered', colour: answerColour });
    cursor.y = top + height;
    rule(doc, cursor.left, cursor.y - 3, cursor.width);
  }
  cursor.space(10);
  cursor.need(20);
  cursor.y = drawText(doc, `Printed ${formatInstant(input.printedAt.toISOString(), input.dateFormat)}.`, cursor.left, cursor.y, cursor.width, { size: 9, colour: colour.muted });
  drawPageFooters(doc, pageLayout, `Medical history · answers recorded ${formatInstant(entry.recordedAt, input.dateFormat)}`);
  return finishPdf(doc);
}
