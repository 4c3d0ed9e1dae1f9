import { pdfFonts } from './fonts';

/**
 * Client and clinic text may hold emoji ("Zoë 🌸 Nguyễn"). DejaVu has few of them, and a
 * missing glyph prints as an empty box, so text is cut into pieces: what the current font can
 * draw, and what only the emoji font can. The emoji pieces are drawn in Noto Emoji on the same
 * baseline; the text itself (what a PDF reader copies or searches) stays as typed.
 */

interface Face {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface OpenFont {
  font?: Face;
  ascender?: number;
}

interface FontInternals {
  _font?: OpenFont;
  _fontSize?: number;
  _registeredFonts?: Record<string, unknown>;
}

export interface FontPiece {
  text: string;
  emoji: boolean;
}

/** Joiners, variation selectors, skin tones, tags and the keycap mark belong to the emoji before them. */
function joinsEmoji(codePoint: number): boolean {
  return (
    codePoint === 0x200d || codePoint === 0xfe0e || codePoint === 0xfe0f || codePoint === 0x20e3 || (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

const emojiFaces = new WeakMap<PDFKit.PDFDocument, Face | null>();

/** The emoji face as this document opened it (once), without changing the current font. */
function emojiFace(doc: PDFKit.PDFDocument): Face | null {
  if (emojiFaces.has(doc)) return emojiFaces.get(doc)!;
  const internals = doc as unknown as FontInternals;
  let face: Face | null = null;
  if (internals._registeredFonts?.[pdfFonts.emoji]) {
    const current = internals._font;
    doc.font(pdfFonts.emoji);
    face = internals._font?.font ?? null;
    internals._font = current;
  }
  emojiFaces.set(doc, face);
  return face;
}

/** The text cut where the current font lacks a glyph the emoji font has. */
export function fontPieces(doc: PDFKit.PDFDocument, text: string): FontPiece[] {
  const current = (doc as unknown as FontInternals)._font?.font;
  // Plain ASCII, the common case, never needs the emoji font.
  if (!current || [...text].every((char) => char.charCodeAt(0) < 0x80)) return [{ text, emoji: false }];
  const emoji = emojiFace(doc);
  if (!emoji) return [{ text, emoji: false }];
  const pieces: FontPiece[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const last = pieces[pieces.length - 1];
    const isEmoji = (last?.emoji === true && joinsEmoji(codePoint)) || (!current.hasGlyphForCodePoint(codePoint) && emoji.hasGlyphForCodePoint(codePoint));
    if (last && last.emoji === isEmoji) last.text += char;
    else pieces.push({ text: char, emoji: isEmoji });
  }
  return pieces;
}

/** Runs `draw` with the emoji font current, then restores the font that was; returns its result. */
function inEmojiFont<T>(doc: PDFKit.PDFDocument, draw: (baselineShift: number) => T): T {
  const internals = doc as unknown as FontInternals;
  const current = internals._font;
  doc.font(pdfFonts.emoji);
  // pdfkit places text by the top of the font's ascender: shift so both faces share a baseline.
  const size = internals._fontSize ?? 12;
  const shift = (((current?.ascender ?? 0) - (internals._font?.ascender ?? 0)) / 1000) * size;
  try {
    return draw(shift);
  } finally {
    internals._font = current;
  }
}

/** Width of `text` as `drawPieces` draws it. */
export function piecesWidth(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): number {
  return fontPieces(doc, text).reduce((sum, piece) => sum + (piece.emoji ? inEmojiFont(doc, () => doc.widthOfString(piece.text, options)) : doc.widthOfString(piece.text, options)), 0);
}

/** Draws one line of `text` at (x, y) without wrapping, emoji in the emoji font; returns the x after it. */
export function drawPieces(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): number {
  let at = x;
  for (const piece of fontPieces(doc, text)) {
    const draw = (shift: number) => {
      doc.text(piece.text, at, y + shift, { ...options, lineBreak: false });
      return doc.widthOfString(piece.text, options);
    };
    at += piece.emoji ? inEmojiFont(doc, draw) : draw(0);
  }
  return at;
}
