import { drawDirectionalText } from './directional-text';
import { pdfFonts } from './fonts';
import { opaqueOnWhite } from './opaque-images';
import type { PageCursor } from './page-cursor';
import { pdfColours as colour, rule } from './page-cursor';

export interface LetterheadClinic {
  name: string;
  address: string;
  phone: string;
  /** Already made opaque (see `letterheadClinic`): archival PDFs carry no transparency. */
  logo: Uint8Array | null;
}

/** The clinic as every letterhead prints it, the logo flattened onto white once. */
export async function letterheadClinic(settings: { clinicName: string; clinicAddress: string; clinicPhone: string; logo: Uint8Array | null }): Promise<LetterheadClinic> {
  return {
    name: settings.clinicName,
    address: settings.clinicAddress,
    phone: settings.clinicPhone,
    logo: settings.logo ? await opaqueOnWhite(settings.logo).catch(() => null) : null,
  };
}

/** Clinic name, address and phone with the logo on the right, then a rule: the top of every printed record. */
export function drawLetterhead(cursor: PageCursor, clinic: LetterheadClinic): void {
  const { doc } = cursor;
  const logoSize = 54;
  const textWidth = clinic.logo ? cursor.width - logoSize - 16 : cursor.width;
  const top = cursor.y;
  if (clinic.logo) {
    try {
      doc.image(Buffer.from(clinic.logo), cursor.left + cursor.width - logoSize, top, { fit: [logoSize, logoSize], align: 'right' });
    } catch {
      // A logo pdfkit cannot read leaves the letterhead without it rather than failing the document.
    }
  }
  doc.font(pdfFonts.bold).fontSize(14).fillColor(colour.ink);
  let y = drawDirectionalText(doc, clinic.name, { x: cursor.left, y: top, width: textWidth, maxLines: 2 });
  doc.font(pdfFonts.regular).fontSize(8.5).fillColor(colour.muted);
  const contact = [clinic.address.replace(/\s*\n\s*/g, ', '), clinic.phone].filter(Boolean).join(' · ');
  if (contact) y = drawDirectionalText(doc, contact, { x: cursor.left, y: y + 2, width: textWidth, maxLines: 3 });
  cursor.y = Math.max(y, clinic.logo ? top + logoSize : y) + 10;
  rule(doc, cursor.left, cursor.y, cursor.width);
  cursor.space(14);
}

/**
 * The footer of every page: what the document is on the left, "Page X of Y" on the right. Needs
 * a document made with `bufferPages`, drawn once every page exists.
 */
export function drawPageFooters(doc: PDFKit.PDFDocument, layout: { side: number; footerHeight: number }, left: string): void {
  const { side, footerHeight } = layout;
  const range = doc.bufferedPageRange();
  const width = doc.page.width - side * 2;
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const y = doc.page.height - footerHeight;
    rule(doc, side, y, width);
    doc.font(pdfFonts.regular).fontSize(7).fillColor(colour.muted);
    doc.text(left, side, y + 8, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, side + width - 80, y + 8, { width: 80, align: 'right', lineBreak: false });
  }
}
