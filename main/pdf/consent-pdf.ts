import { refusedStatements } from '../../shared/consents/agreement';
import type { AnswerValue } from '../../shared/consents/filled-form';
import { shortHash, type CanonicalForm, type SignedSignature } from '../../shared/consents/form-hash';
import type { Ink } from '../../shared/consents/ink';
import type { PhotographyChoices } from '../../shared/consents/photography';
import { versionLabel, type ConsentTemplate, type Question, type RichBlock, type SignerRole, type TemplateSection } from '../../shared/consents/template';
import { drawDirectionalText } from './directional-text';
import { createPdfDocument, finishPdf } from './document';
import { drawLetterhead, drawPageFooters } from './letterhead';
import { formWithOpaqueInk, opaqueOnWhite } from './opaque-images';
import { pdfFonts } from './fonts';
import { PageCursor, drawSpans, drawText, pdfColours as colour, rule, spansHeight, textHeight } from './page-cursor';
import type { PaperSize } from './paper';
import { formatDay, formatInstant, type DateFormat } from './pdf-dates';

export interface ConsentPdfInput {
  clinic: { name: string; address: string; phone: string; logo: Uint8Array | null };
  paperSize: PaperSize;
  dateFormat: DateFormat;
  client: { name: string; dateOfBirth: string | null };
  template: ConsentTemplate;
  form: CanonicalForm;
  /** SHA-256 (hex) of the canonical form text; its short form is the verification line. */
  formSha256: string;
  resourcesFolder?: string;
}

const side = 48;
const footerHeight = 44;
const bodySize = 9.5;
const initialsBox = { width: 92, height: 40 };

const roleNames: Record<SignerRole, string> = { client: 'Client', guardian: 'Parent or guardian', witness: 'Witness', practitioner: 'Practitioner' };

const photographyOrder: (keyof PhotographyChoices)[] = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'];

/**
 * The signed consent as the clinic prints and keeps it: letterhead, client, every section as
 * signed with the initials beside it, every answer, the photography choices, the signatures,
 * and on every page the template version, the document id and "page X of Y". The same input
 * (and clock, through the form's signing time) gives the same bytes.
 */
export async function renderConsentPdf(given: ConsentPdfInput): Promise<Buffer> {
  const input: ConsentPdfInput = {
    ...given,
    clinic: { ...given.clinic, logo: given.clinic.logo ? await opaqueOnWhite(given.clinic.logo).catch(() => null) : null },
    form: await formWithOpaqueInk(given.form),
  };
  const { template, form } = input;
  const doc = await createPdfDocument({
    paperSize: input.paperSize,
    bufferPages: true,
    archival: true,
    info: {
      title: `${form.outcome === 'declined' ? 'Declined: ' : ''}${template.content.title} · ${input.client.name}`,
      author: input.clinic.name,
      subject: `${form.outcome === 'declined' ? 'Declined form (not a consent)' : 'Signed consent'}, template ${template.content.id} version ${versionLabel(template.version)}`,
      createdAt: new Date(form.signedAt),
    },
    ...(input.resourcesFolder ? { resourcesFolder: input.resourcesFolder } : {}),
  });
  const cursor = new PageCursor(doc, { side, top: side, bottom: footerHeight + 16 });

  drawLetterhead(cursor, input.clinic);
  drawTitleAndClient(cursor, input);
  for (const section of template.content.sections) drawSection(cursor, section, input);
  drawSignatures(cursor, input);
  drawVerification(cursor, input);
  drawFooters(doc, input);
  return finishPdf(doc);
}

function drawTitleAndClient(cursor: PageCursor, input: ConsentPdfInput): void {
  const { doc } = cursor;
  const { template, form } = input;
  if (form.outcome === 'declined') {
    cursor.y = drawText(doc, 'DECLINED: NOT A CONSENT', cursor.left, cursor.y, cursor.width, { size: 12, bold: true, colour: colour.flag }) + 2;
  }
  cursor.y = drawText(doc, template.content.title, cursor.left, cursor.y, cursor.width, { size: 16, bold: true, colour: colour.ink });
  cursor.y = drawText(
    doc,
    `Template version ${versionLabel(template.version)} · ${form.outcome === 'declined' ? 'declined and signed' : 'signed'} ${formatInstant(form.signedAt, input.dateFormat)}`,
    cursor.left,
    cursor.y + 2,
    cursor.width,
    {
      size: 8.5,
      colour: colour.muted,
    },
  );
  cursor.space(10);

  const boxTop = cursor.y;
  const pad = 8;
  const rows: [string, string][] = [['Client', input.client.name]];
  if (input.client.dateOfBirth) rows.push(['Date of birth', formatDay(input.client.dateOfBirth, input.dateFormat)]);
  if (form.guardian)
    rows.push(['Signed for the client by', `${form.guardian.name} (${form.guardian.relationship}; ${form.guardian.reason === 'minor' ? 'client under 18' : 'client unable to consent'})`]);
  let y = boxTop + pad;
  for (const [label, value] of rows) {
    doc
      .font(pdfFonts.regular)
      .fontSize(8)
      .fillColor(colour.muted)
      .text(label, cursor.left + pad, y + 2, { width: 120, lineBreak: false });
    doc.font(pdfFonts.bold).fontSize(10.5).fillColor(colour.ink);
    y = drawDirectionalText(doc, value, { x: cursor.left + pad + 124, y, width: cursor.width - 2 * pad - 124, maxLines: 2 }) + 3;
  }
  const boxHeight = y - boxTop + pad - 3;
  doc.save().roundedRect(cursor.left, boxTop, cursor.width, boxHeight, 4).lineWidth(0.6).strokeColor(colour.rule).stroke().restore();
  cursor.y = boxTop + boxHeight + 10;
  if (form.outcome === 'declined') drawDeclined(cursor, input);
  if (template.content.summary) cursor.y = drawText(doc, template.content.summary, cursor.left, cursor.y, cursor.width, { size: 8.5, colour: colour.muted }) + 4;
}

/**
 * A declined form says so before anything else: the statements the client did not agree to, and
 * that the form is the record of an informed refusal, never a consent to treat.
 */
function drawDeclined(cursor: PageCursor, input: ConsentPdfInput): void {
  const { doc } = cursor;
  const refused = refusedStatements(input.template.content, input.form.answers, input.form.photography);
  const pad = 10;
  const width = cursor.width - 2 * pad - 4;
  const heading = 'The client did not agree to:';
  const closing =
    'This form records that the client was informed and declined. It is not a consent: treatment (or photography) cannot go ahead on it. The client and practitioner signed below to confirm what was decided.';
  const height =
    textHeight(doc, heading, width, { size: 10, bold: true }) +
    refused.reduce((sum, statement) => sum + textHeight(doc, statement.label, width - 12, { size: 9.5 }) + 2, 0) +
    textHeight(doc, closing, width, { size: 9 }) +
    2 * pad +
    10;
  cursor.need(height);
  const top = cursor.y;
  doc.save().rect(cursor.left, top, 4, height).fill(colour.flag).restore();
  doc.save().rect(cursor.left, top, cursor.width, height).lineWidth(0.8).strokeColor(colour.flag).stroke().restore();
  let y = drawText(doc, heading, cursor.left + pad + 4, top + pad, width, { size: 10, bold: true, colour: colour.flag }) + 3;
  for (const statement of refused) {
    doc
      .font(pdfFonts.regular)
      .fontSize(9.5)
      .fillColor(colour.flag)
      .text('•', cursor.left + pad + 6, y, { lineBreak: false });
    y = drawText(doc, statement.label, cursor.left + pad + 16, y, width - 12, { size: 9.5, colour: colour.ink }) + 2;
  }
  drawText(doc, closing, cursor.left + pad + 4, y + 4, width, { size: 9, colour: colour.body });
  cursor.y = top + height + 10;
}

function blockHeight(doc: PDFKit.PDFDocument, block: RichBlock, width: number): number {
  if (block.kind === 'paragraph') return spansHeight(doc, block.spans, width, { size: bodySize }) + 5;
  return block.items.reduce((sum, item) => sum + spansHeight(doc, item, width - 14, { size: bodySize }) + 2, 0) + 4;
}

/** What must fit with a heading: a whole paragraph, or the first item of a list. */
function openingHeight(doc: PDFKit.PDFDocument, block: RichBlock, width: number): number {
  if (block.kind === 'paragraph') return blockHeight(doc, block, width);
  return spansHeight(doc, block.items[0]!, width - 14, { size: bodySize }) + 2;
}

function drawBlock(cursor: PageCursor, block: RichBlock, width: number): void {
  const { doc } = cursor;
  if (block.kind === 'paragraph') {
    cursor.need(blockHeight(doc, block, width));
    cursor.y = drawSpans(doc, block.spans, cursor.left, cursor.y, width, { size: bodySize }) + 5;
    return;
  }
  for (const item of block.items) {
    cursor.need(spansHeight(doc, item, width - 14, { size: bodySize }) + 2);
    doc
      .font(pdfFonts.regular)
      .fontSize(bodySize)
      .fillColor(colour.accent)
      .text('•', cursor.left + 3, cursor.y, { lineBreak: false });
    cursor.y = drawSpans(doc, item, cursor.left + 14, cursor.y, width - 14, { size: bodySize }) + 2;
  }
  cursor.space(4);
}

function drawSection(cursor: PageCursor, section: TemplateSection, input: ConsentPdfInput): void {
  const { doc } = cursor;
  const initials = section.initials ? input.form.initials[section.id] : undefined;
  const textWidth = section.initials ? cursor.width - initialsBox.width - 14 : cursor.width;
  const headingHeight = textHeight(doc, section.title, textWidth, { size: 11.5, bold: true });
  const firstBlock = section.body[0];
  // Keep the heading with its first block (and the initials box), never alone at a page foot.
  const opening = Math.max(headingHeight + 6 + (firstBlock ? openingHeight(doc, firstBlock, textWidth) : 0), section.initials ? initialsBox.height + 14 : 0);
  cursor.need(opening + 12);
  // A section that starts a page needs no rule above it.
  if (cursor.y > cursor.top) {
    cursor.space(4);
    rule(doc, cursor.left, cursor.y, cursor.width);
    cursor.space(8);
  }
  const top = cursor.y;
  const topPage = cursor.page;
  cursor.y = drawText(doc, section.title, cursor.left, cursor.y, textWidth, { size: 11.5, bold: true, colour: colour.ink }) + 4;
  if (section.initials) drawInitials(doc, initials, cursor.left + cursor.width - initialsBox.width, top);
  const bodyStart = cursor.y;
  section.body.forEach((block, index) => {
    // Text beside the initials box stays narrow until it has passed the box.
    const besideBox = section.initials && cursor.y < top + initialsBox.height + 14 && index === 0;
    drawBlock(cursor, block, besideBox || cursor.y === bodyStart ? textWidth : cursor.width);
  });
  // Clear the initials box, unless the body already ran on to a later page (then `top` is another page's).
  if (section.initials && cursor.page === topPage) cursor.y = Math.max(cursor.y, top + initialsBox.height + 16);
  for (const question of section.questions) drawAnswer(cursor, question, input.form.answers[question.id] ?? null, input.dateFormat);
  if (section.photography) drawPhotography(cursor, section, input.form.photography);
  cursor.space(6);
}

function drawInitials(doc: PDFKit.PDFDocument, ink: Ink | undefined, x: number, y: number): void {
  doc.save().roundedRect(x, y, initialsBox.width, initialsBox.height, 3).lineWidth(0.6).strokeColor(colour.rule).stroke().restore();
  doc
    .font(pdfFonts.regular)
    .fontSize(6.5)
    .fillColor(colour.muted)
    .text('Initials', x + 4, y + 3, { lineBreak: false });
  if (ink) doc.image(Buffer.from(ink.png), x + 6, y + 10, { fit: [initialsBox.width - 12, initialsBox.height - 13], align: 'center', valign: 'center' });
}

/** The answer as words: the option's label, the date in the clinic's format, Yes/No with the detail. */
export function answerText(question: Question, answer: AnswerValue, dateFormat: DateFormat): string {
  if (answer === null || answer === '') return 'Not answered';
  if (typeof answer === 'object') {
    if (answer.answer === null) return 'Not answered';
    const word = answer.answer === 'yes' ? 'Yes' : 'No';
    return answer.answer === 'yes' && answer.detail.trim() ? `${word} — ${answer.detail.trim()}` : word;
  }
  if (question.kind === 'choice') return question.options.find((option) => option.id === answer)?.label ?? answer;
  if (question.kind === 'date') return formatDay(answer, dateFormat);
  return answer;
}

function drawAnswer(cursor: PageCursor, question: Question, answer: AnswerValue, dateFormat: DateFormat): void {
  const { doc } = cursor;
  const indent = 10;
  const width = cursor.width - indent;
  const text = answerText(question, answer, dateFormat);
  const flagged = question.kind === 'yes-no' && typeof answer === 'object' && answer !== null && answer.answer === question.flagWhen;
  const height = textHeight(doc, question.label, width, { size: 9 }) + textHeight(doc, text, width - 50, { size: 9.5, bold: true }) + 8;
  cursor.need(height);
  doc
    .save()
    .rect(cursor.left, cursor.y, 2, height - 6)
    .fill(flagged ? colour.flag : colour.rule)
    .restore();
  cursor.y = drawText(doc, question.label, cursor.left + indent, cursor.y, width, { size: 9, colour: colour.body });
  doc
    .font(pdfFonts.regular)
    .fontSize(8)
    .fillColor(colour.muted)
    .text('Answer', cursor.left + indent, cursor.y + 1.5, { lineBreak: false });
  if (/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(text)) {
    // The client's own words may be Hebrew or Arabic: set in visual order, as names are.
    doc
      .font(pdfFonts.bold)
      .fontSize(9.5)
      .fillColor(flagged ? colour.flag : colour.ink);
    cursor.y = drawDirectionalText(doc, text, { x: cursor.left + indent + 50, y: cursor.y, width: width - 50, maxLines: 40, lineGap: 2 }) + 6;
    return;
  }
  cursor.y = drawText(doc, text, cursor.left + indent + 50, cursor.y, width - 50, { size: 9.5, bold: true, colour: flagged ? colour.flag : colour.ink }) + 6;
}

function drawPhotography(cursor: PageCursor, section: TemplateSection, choices: PhotographyChoices | null): void {
  const { doc } = cursor;
  const labels = section.photography!;
  for (const key of photographyOrder) {
    const agreed = choices?.[key] ?? false;
    const label = labels[key];
    const width = cursor.width - 70;
    cursor.need(textHeight(doc, label, width, { size: bodySize }) + 6);
    const y = cursor.y;
    doc
      .font(pdfFonts.bold)
      .fontSize(10)
      .fillColor(agreed ? colour.accent : colour.muted)
      .text(agreed ? '☑ Yes' : '☐ No', cursor.left, y, { width: 60, lineBreak: false });
    cursor.y = drawText(doc, label, cursor.left + 70, y, width, { size: bodySize }) + 6;
  }
}

function drawSignatures(cursor: PageCursor, input: ConsentPdfInput): void {
  const { doc } = cursor;
  const statements = input.template.content.signatures;
  const first = input.form.signatures[0];
  // The heading stays with the first signature: never "Signatures" alone at a page foot.
  cursor.need(36 + (first ? signatureHeight(doc, statements[first.role], signatureTextWidth(cursor)) + 8 : 0));
  cursor.space(6);
  rule(doc, cursor.left, cursor.y, cursor.width, colour.ink);
  cursor.space(8);
  cursor.y = drawText(doc, 'Signatures', cursor.left, cursor.y, cursor.width, { size: 12, bold: true, colour: colour.ink }) + 6;
  for (const signature of input.form.signatures) drawSignature(cursor, signature, statements[signature.role], input.dateFormat);
}

const signatureImage = { width: 190, height: 62 };
const signatureTextWidth = (cursor: PageCursor) => cursor.width - signatureImage.width - 18;

function signatureHeight(doc: PDFKit.PDFDocument, statement: string, textWidth: number): number {
  return Math.max(signatureImage.height + 16, textHeight(doc, statement, textWidth, { size: 8.5 }) + 44);
}

function drawSignature(cursor: PageCursor, signature: SignedSignature, statement: string, dateFormat: DateFormat): void {
  const { doc } = cursor;
  const image = signatureImage;
  const textX = cursor.left + image.width + 18;
  const textWidth = signatureTextWidth(cursor);
  cursor.need(signatureHeight(doc, statement, textWidth) + 8);
  const top = cursor.y;
  doc.save().rect(cursor.left, top, image.width, image.height).lineWidth(0.5).strokeColor(colour.rule).stroke().restore();
  doc.image(Buffer.from(signature.ink.png), cursor.left + 4, top + 4, { fit: [image.width - 8, image.height - 8], align: 'center', valign: 'center' });
  doc.font(pdfFonts.bold).fontSize(8).fillColor(colour.accent).text(roleNames[signature.role].toUpperCase(), textX, top, { width: textWidth, characterSpacing: 1, lineBreak: false });
  doc.font(pdfFonts.bold).fontSize(10.5).fillColor(colour.ink);
  let y = drawDirectionalText(doc, signature.name, { x: textX, y: top + 12, width: textWidth, maxLines: 1 });
  y = drawText(doc, `Signed ${formatInstant(signature.signedAt, dateFormat)}`, textX, y + 1, textWidth, { size: 8.5, colour: colour.muted });
  y = drawText(doc, statement, textX, y + 3, textWidth, { size: 8.5, colour: colour.body });
  cursor.y = Math.max(top + image.height, y) + 14;
}

function drawVerification(cursor: PageCursor, input: ConsentPdfInput): void {
  const { doc } = cursor;
  const text = `Verification: form hash ${shortHash(input.formSha256)} (SHA-256 of the signed answers, initials, signatures and template version). Signed on ${input.form.deviceName}. The clinic's copy is stored encrypted and re-checked by "skinledger verify".`;
  cursor.need(textHeight(doc, text, cursor.width, { size: 7.5 }) + 10);
  cursor.space(4);
  cursor.y = drawText(doc, text, cursor.left, cursor.y, cursor.width, { size: 7.5, colour: colour.muted });
}

function drawFooters(doc: PDFKit.PDFDocument, input: ConsentPdfInput): void {
  const left = `${input.form.outcome === 'declined' ? 'DECLINED · ' : ''}${input.template.content.title} · version ${versionLabel(input.template.version)} · document ${input.form.consentId}`;
  drawPageFooters(doc, { side, footerHeight }, left);
}
