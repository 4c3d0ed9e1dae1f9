import QRCode from 'qrcode';

export interface QrPlacement {
  x: number;
  y: number;
  /** Width and height of the whole symbol, quiet zone included. */
  size: number;
  /** Light modules of the quiet zone: 4 is what the QR standard asks for. */
  quietModules?: number;
}

/**
 * Draws a QR code as vector squares, so it prints sharp at any printer resolution (a bitmap
 * would be resampled, and a blurred module is a failed scan). Each row's dark modules are
 * merged into runs: fewer shapes, and no hairline gaps between neighbours in some viewers.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, place: QrPlacement): void {
  // Level M survives a crease or a coffee ring (15% of the symbol) and keeps modules large.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = place.quietModules ?? 4;
  const unit = place.size / (modules.size + quiet * 2);
  doc.save();
  doc.rect(place.x, place.y, place.size, place.size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(place.x + (quiet + start) * unit, place.y + (quiet + row) * unit, (col - start) * unit, unit);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
