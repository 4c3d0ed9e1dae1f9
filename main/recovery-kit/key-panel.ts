import { pdfFonts } from '../pdf/fonts';
import { drawQrCode } from '../pdf/qr-code';
import { kitColours as colour } from './kit-style';
import { recoveryKitText as words } from './recovery-kit-text';

interface PanelPlace {
  x: number;
  y: number;
  width: number;
}

const groupsPerRow = 4;
const keySize = 19;
const padding = 18;
const qrSize = 118;

/**
 * The key itself, large and numbered group by group so it can be read aloud over the phone
 * and typed back without losing one's place, with a QR code of the same text beside it.
 * Returns the y below the panel.
 */
export function drawKeyPanel(doc: PDFKit.PDFDocument, key: string, place: PanelPlace): number {
  const groups = key.split('-');
  const rows = Math.ceil(groups.length / groupsPerRow);
  const rowHeight = 38;
  const gridHeight = 16 + rows * rowHeight;
  const height = Math.max(gridHeight, qrSize + 16) + padding * 2 - 4;

  doc.save();
  doc.roundedRect(place.x, place.y, place.width, height, 8).lineWidth(1).fillAndStroke(colour.keyPanel, colour.keyPanelBorder);
  doc.restore();

  const left = place.x + padding;
  const top = place.y + padding;
  doc.font(pdfFonts.bold).fontSize(7.5).fillColor(colour.accent);
  doc.text(words.keyLabel, left, top, { characterSpacing: 1.5, lineBreak: false });

  doc.font(pdfFonts.monoBold).fontSize(keySize);
  const groupWidth = doc.widthOfString('00000');
  const gridWidth = place.width - padding * 3 - qrSize;
  const columnGap = Math.min(24, (gridWidth - groupWidth * groupsPerRow) / (groupsPerRow - 1));
  groups.forEach((group, index) => {
    const column = index % groupsPerRow;
    const row = Math.floor(index / groupsPerRow);
    const x = left + column * (groupWidth + columnGap);
    const y = top + 18 + row * rowHeight;
    doc.font(pdfFonts.regular).fontSize(7).fillColor(colour.muted);
    doc.text(String(index + 1), x, y, { lineBreak: false });
    doc.font(pdfFonts.monoBold).fontSize(keySize).fillColor(colour.ink);
    doc.text(group, x, y + 9, { lineBreak: false });
  });

  const qrX = place.x + place.width - padding - qrSize;
  drawQrCode(doc, key, { x: qrX, y: top - 4, size: qrSize });
  doc.font(pdfFonts.regular).fontSize(7).fillColor(colour.muted);
  doc.text(words.qrCaption, qrX, top + qrSize - 1, { width: qrSize, align: 'center', lineBreak: false });
  return place.y + height;
}
