/**
 * pdfkit parses a TrueType file afresh for every document (fontkit decodes its tables and the
 * shaping lookups again) and shapes every word again in each new document: most of a signed
 * consent's render time went there. The parsed faces, and the words already shaped in them, are
 * kept for the life of the process and handed to each new document. A parsed face is read-only
 * once made (fontkit copies what a subset changes) and a word shapes the same in every document,
 * so the PDFs come out byte for byte as before.
 *
 * This leans on two pdfkit 0.20 internals, checked where they are used: the document's current
 * font is `_font`, holding the fontkit face as `font` and the shaped words as `layoutCache`.
 * Should a later pdfkit name them otherwise, documents simply stop sharing (slower, same PDF).
 */

interface OpenedFont {
  font?: unknown;
  layoutCache?: Record<string, unknown>;
}

interface FontInternals {
  _font?: OpenedFont | null;
  _registeredFonts?: Record<string, { src?: unknown } | undefined>;
}

/** Parsed faces by the file they came from. */
const parsedFaces = new Map<string, object>();

/** Shaped words per face, as pdfkit keeps them within one document. */
const shapedWords = new WeakMap<object, Record<string, unknown>>();

/**
 * Words from clinic and client text land here too; past this many the shelf starts again, so
 * it stays a few megabytes however many documents the app makes.
 */
const maxShapedWords = 10_000;

/** What to register a font file as: its parsed face once a document has opened it, else the path. */
export function fontSource(path: string): string | object {
  return parsedFaces.get(path) ?? path;
}

function wordsFor(face: object): Record<string, unknown> {
  let words = shapedWords.get(face);
  if (!words || Object.keys(words).length > maxShapedWords) {
    words = Object.create(null) as Record<string, unknown>;
    shapedWords.set(face, words);
  }
  return words;
}

/**
 * Makes `doc` keep the faces it opens for the documents after it, and shape words into the
 * shelf it shares with them. Only the fonts registered under `names` take part.
 */
export function reuseFonts(doc: PDFKit.PDFDocument, names: readonly string[]): void {
  const internals = doc as unknown as FontInternals;
  const seen = new WeakSet<object>();
  const openFont = doc.font.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const reusing = (...args: unknown[]): PDFKit.PDFDocument => {
    openFont(...args);
    const name = args[0];
    const opened = internals._font;
    if (typeof name !== 'string' || !names.includes(name) || !opened || seen.has(opened)) return doc;
    seen.add(opened);
    const face = opened.font;
    if (typeof face !== 'object' || face === null) return doc;
    const source = internals._registeredFonts?.[name]?.src;
    if (typeof source === 'string' && !parsedFaces.has(source)) parsedFaces.set(source, face);
    if (opened.layoutCache && Object.keys(opened.layoutCache).length === 0) opened.layoutCache = wordsFor(face);
    return doc;
  };
  doc.font = reusing as PDFKit.PDFDocument['font'];
}
