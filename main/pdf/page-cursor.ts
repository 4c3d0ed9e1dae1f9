import { pdfFonts } from './fonts';
import { fontPieces } from './font-runs';
import type { RichSpan } from '../../shared/consents/template';

export const pdfColours = {
  ink: '#1b1f24',
  body: '#2f3640',
  muted: '#5f6b78',
  rule: '#c9d1da',
  accent: '#2d6a6a',
  flag: '#9a3412',
};

/**
 * Where the next block goes on a document that flows over several pages. Blocks are measured
 * before they are drawn and never split: one that does not fit starts the next page, so no
 * line is cut at the bottom edge and a heading never sits alone at the foot of a page.
 */
export class PageCursor {
  y: number;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  /** Pages started so far (1 on the first): lets a block tell whether it crossed a page. */
  page = 1;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    margins: { side: number; top: number; bottom: number },
  ) {
    this.left = margins.side;
    this.width = doc.page.width - margins.side * 2;
    this.top = margins.top;
    this.bottom = doc.page.height - margins.bottom;
    this.y = this.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  need(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.page += 1;
    this.y = this.top;
  }

  space(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }
}

export interface TextStyle {
  size: number;
  colour?: string;
  lineGap?: number;
}

/** Height of a run of spans set at `width`, measured in the wider (bold) face when any span is bold. */
export function spansHeight(doc: PDFKit.PDFDocument, spans: readonly RichSpan[], width: number, style: TextStyle): number {
  const text = spans.map((span) => span.text).join('');
  doc.font(spans.some((span) => span.bold) ? pdfFonts.bold : pdfFonts.regular).fontSize(style.size);
  return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 2 });
}

/** Draws spans as one paragraph at (x, y); returns the y below it. */
export function drawSpans(doc: PDFKit.PDFDocument, spans: readonly RichSpan[], x: number, y: number, width: number, style: TextStyle): number {
  doc.fillColor(style.colour ?? pdfColours.body).fontSize(style.size);
  spans.forEach((span, index) => {
    doc.font(span.bold ? pdfFonts.bold : pdfFonts.regular);
    const options = { width, lineGap: style.lineGap ?? 2, continued: index < spans.length - 1 };
    if (index === 0) doc.text(span.text, x, y, options);
    else doc.text(span.text, options);
  });
  return doc.y;
}

/** Plain text block, emoji DejaVu lacks in the emoji font; returns the y below it. */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, style: TextStyle & { bold?: boolean }): number {
  const face = style.bold ? pdfFonts.bold : pdfFonts.regular;
  doc
    .font(face)
    .fontSize(style.size)
    .fillColor(style.colour ?? pdfColours.body);
  const pieces = fontPieces(doc, text);
  pieces.forEach((piece, index) => {
    doc.font(piece.emoji ? pdfFonts.emoji : face);
    const options = { width, lineGap: style.lineGap ?? 2, continued: index < pieces.length - 1 };
    if (index === 0) doc.text(piece.text, x, y, options);
    else doc.text(piece.text, options);
  });
  doc.font(face);
  return doc.y;
}

export function textHeight(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle & { bold?: boolean }): number {
  doc.font(style.bold ? pdfFonts.bold : pdfFonts.regular).fontSize(style.size);
  return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 2 });
}

export function rule(doc: PDFKit.PDFDocument, x: number, y: number, width: number, colour = pdfColours.rule): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.6)
    .strokeColor(colour)
    .stroke()
    .restore();
}
