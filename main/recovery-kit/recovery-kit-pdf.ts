import { formatRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { drawDirectionalText } from '../pdf/directional-text';
import { createPdfDocument, finishPdf } from '../pdf/document';
import { pdfFonts } from '../pdf/fonts';
import type { PaperSize } from '../pdf/paper';
import { drawKeyPanel } from './key-panel';
import { kitColours as colour, kitMargin } from './kit-style';
import { recoveryKitText as words, spokenGroup } from './recovery-kit-text';

export interface RecoveryKitInput {
  clinicName: string;
  clinicAddress: string;
  recoveryKey: string;
  createdAt: Date;
  paperSize: PaperSize;
  /** Where `resources/` is, if not found by the usual search (see main/pdf/fonts.ts). */
  resourcesFolder?: string;
}

/**
 * The one-page Recovery Kit the clinic prints at set-up: the recovery key, what it is for and
 * how to keep it. Rendered in memory only; the key must never touch the disk unencrypted unless
 * the admin saves the PDF somewhere on purpose.
 */
export async function renderRecoveryKit(input: RecoveryKitInput): Promise<Buffer> {
  const key = canonicalKey(input.recoveryKey);
  const date = formatKitDate(input.createdAt);
  const clinicName = input.clinicName.trim();
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    // The key is never in the metadata: file managers and search indexers read it.
    info: { title: `${words.title} · ${clinicName}`, author: clinicName, subject: words.pdfSubject, createdAt: input.createdAt },
    ...(input.resourcesFolder ? { resourcesFolder: input.resourcesFolder } : {}),
  });
  const width = doc.page.width - kitMargin * 2;
  // The layout is made to fit Letter, the shorter sheet; A4's extra height goes to the gaps.
  const spare = Math.max(0, (doc.page.height - 792) / 3);

  let y = drawHeading(doc, date, width);
  y = drawClinic(doc, clinicName, input.clinicAddress.trim(), y + 18, width);
  y = drawPurpose(doc, y + 16 + spare, width);
  y = drawKeyPanel(doc, key, { x: kitMargin, y: y + 12 + spare / 2, width });
  y = drawKeyNote(doc, spokenGroup(key.slice(0, 5)), y + 7, width);
  drawSafetyAndRecord(doc, y + 18 + spare, width);
  drawFooter(doc, date, width);
  return finishPdf(doc);
}

/** The key exactly as the store will parse it back: a typo here would lock the clinic out. */
function canonicalKey(text: string): string {
  const parsed = parseRecoveryKey(text);
  if (!parsed.ok) throw new Error('The Recovery Kit was asked to print something that is not a recovery key');
  const canonical = formatRecoveryKey(parsed.key);
  parsed.key.fill(0);
  return canonical;
}

/** "25 November 2025": the month in words reads the same in a DD/MM and an MM/DD country. */
export function formatKitDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

function drawHeading(doc: PDFKit.PDFDocument, date: string, width: number): number {
  const top = kitMargin;
  doc.font(pdfFonts.bold).fontSize(8).fillColor(colour.accent);
  doc.text(words.brand, kitMargin, top, { characterSpacing: 2.2, lineBreak: false });
  doc.font(pdfFonts.bold).fontSize(26).fillColor(colour.ink);
  doc.text(words.title, kitMargin, top + 14, { lineBreak: false });
  doc.font(pdfFonts.regular).fontSize(11).fillColor(colour.muted);
  doc.text(words.subtitle, kitMargin, top + 48, { lineBreak: false });

  const dateWidth = 170;
  const dateX = kitMargin + width - dateWidth;
  doc.font(pdfFonts.regular).fontSize(8.5).fillColor(colour.muted);
  doc.text(words.createdLabel, dateX, top + 20, { width: dateWidth, align: 'right', lineBreak: false });
  doc.font(pdfFonts.bold).fontSize(11).fillColor(colour.ink);
  doc.text(date, dateX, top + 32, { width: dateWidth, align: 'right', lineBreak: false });
  return top + 64;
}

function drawClinic(doc: PDFKit.PDFDocument, name: string, address: string, top: number, width: number): number {
  doc
    .save()
    .moveTo(kitMargin, top)
    .lineTo(kitMargin + width, top)
    .lineWidth(0.75)
    .strokeColor(colour.rule)
    .stroke()
    .restore();
  let y = top + 12;
  doc.font(pdfFonts.bold).fontSize(7.5).fillColor(colour.muted);
  doc.text(words.clinicLabel, kitMargin, y, { characterSpacing: 1.5, lineBreak: false });
  y += 12;
  // Long names and addresses are cut with an ellipsis rather than pushing the key off the page.
  doc.font(pdfFonts.bold).fontSize(15).fillColor(colour.ink);
  y = drawDirectionalText(doc, name, { x: kitMargin, y, width, maxLines: 2 });
  if (address) {
    doc.font(pdfFonts.regular).fontSize(9.5).fillColor(colour.muted);
    y = drawDirectionalText(doc, address, { x: kitMargin, y: y + 2, width, maxLines: 3 });
  }
  return y;
}

function drawPurpose(doc: PDFKit.PDFDocument, top: number, width: number): number {
  doc.font(pdfFonts.bold).fontSize(11.5).fillColor(colour.ink);
  doc.text(words.purposeHeading, kitMargin, top, { lineBreak: false });
  return boundedText(doc, words.purpose, {
    font: pdfFonts.regular,
    size: 10,
    colour: colour.body,
    y: top + 18,
    width,
    maxLines: 5,
    lineGap: 2,
  });
}

function drawKeyNote(doc: PDFKit.PDFDocument, spokenFirstGroup: string, top: number, width: number): number {
  return boundedText(doc, words.keyNote(spokenFirstGroup), { font: pdfFonts.regular, size: 8.5, colour: colour.muted, y: top, width, maxLines: 3, lineGap: 1 });
}

function drawSafetyAndRecord(doc: PDFKit.PDFDocument, top: number, width: number): void {
  const gap = 22;
  const recordWidth = Math.round(width * 0.38);
  const safetyWidth = width - recordWidth - gap;

  doc.font(pdfFonts.bold).fontSize(11.5).fillColor(colour.ink);
  doc.text(words.safetyHeading, kitMargin, top, { lineBreak: false });
  let y = top + 20;
  words.safety.forEach((line, index) => {
    doc.font(pdfFonts.bold).fontSize(9).fillColor(colour.accent);
    doc.text(String(index + 1), kitMargin, y, { width: 12, lineBreak: false });
    y = boundedText(doc, line, { font: pdfFonts.regular, size: 9.5, colour: colour.body, x: kitMargin + 14, y, width: safetyWidth - 14, maxLines: 3, lineGap: 1.5 }) + 7;
  });

  const boxX = kitMargin + safetyWidth + gap;
  const boxHeight = Math.max(y - top - 4, 150);
  doc
    .save()
    .roundedRect(boxX, top - 4, recordWidth, boxHeight, 6)
    .lineWidth(0.75)
    .strokeColor(colour.rule)
    .stroke()
    .restore();
  doc.font(pdfFonts.bold).fontSize(10).fillColor(colour.ink);
  doc.text(words.recordHeading, boxX + 12, top + 6, { width: recordWidth - 24, lineBreak: false });
  const fieldGap = (boxHeight - 34) / words.recordFields.length;
  words.recordFields.forEach((label, index) => {
    const fieldY = top + 28 + index * fieldGap;
    doc.font(pdfFonts.regular).fontSize(8).fillColor(colour.muted);
    doc.text(label, boxX + 12, fieldY, { width: recordWidth - 24, lineBreak: false });
    // Two writing lines per field: room for a place and a name in handwriting.
    for (const lineY of [fieldY + fieldGap * 0.48, fieldY + fieldGap * 0.86]) {
      doc
        .save()
        .moveTo(boxX + 12, lineY)
        .lineTo(boxX + recordWidth - 12, lineY)
        .lineWidth(0.5)
        .strokeColor(colour.writingLine)
        .stroke()
        .restore();
    }
  });
}

function drawFooter(doc: PDFKit.PDFDocument, date: string, width: number): void {
  const y = doc.page.height - kitMargin + 8;
  doc
    .save()
    .moveTo(kitMargin, y - 8)
    .lineTo(kitMargin + width, y - 8)
    .lineWidth(0.5)
    .strokeColor(colour.rule)
    .stroke()
    .restore();
  const rightWidth = 170;
  doc.font(pdfFonts.regular).fontSize(7.5).fillColor(colour.muted);
  doc.text(words.footer(date), kitMargin, y, { width: width - rightWidth - 12, lineBreak: false });
  doc.font(pdfFonts.bold).fontSize(7.5).fillColor(colour.muted);
  doc.text(words.footerPrivate, kitMargin + width - rightWidth, y, { width: rightWidth, align: 'right', lineBreak: false });
}

interface BoundedTextOptions {
  font: string;
  size: number;
  colour: string;
  x?: number;
  y: number;
  width: number;
  maxLines: number;
  lineGap?: number;
}

/** Text that wraps within its width and stops after maxLines with an ellipsis; returns the y below it. */
function boundedText(doc: PDFKit.PDFDocument, text: string, options: BoundedTextOptions): number {
  const lineGap = options.lineGap ?? 0;
  doc.font(options.font).fontSize(options.size).fillColor(options.colour);
  const lineHeight = doc.currentLineHeight(true) + lineGap;
  // A point of slack so rounding never drops the last permitted line.
  const maxHeight = lineHeight * options.maxLines + 1;
  const height = Math.min(doc.heightOfString(text, { width: options.width, lineGap }), maxHeight);
  doc.text(text, options.x ?? kitMargin, options.y, { width: options.width, height: maxHeight, ellipsis: true, lineGap });
  return options.y + height;
}
