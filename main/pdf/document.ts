import type PDFKitDocument from 'pdfkit';
import { reuseFonts } from './font-reuse';
import { fontPaths, pdfFonts, registerFonts } from './fonts';
import { pdfkitPaper, type PaperSize } from './paper';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
}

export interface NewPdfOptions {
  paperSize: PaperSize;
  /** Portrait unless a page reads better turned (two photos side by side). */
  layout?: 'portrait' | 'landscape';
  info: PdfInfo;
  /** Where `resources/` is, when the caller knows better than the search in fonts.ts. */
  resourcesFolder?: string;
  /** Keep every page open until the end, for documents that number pages "X of Y". */
  bufferPages?: boolean;
  /**
   * Written as PDF/A-2b, for records kept for years (signed consents): fonts embedded, sRGB
   * output intent, XMP metadata naming the conformance.
   */
  archival?: boolean;
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit 0.20 copies the document info into the XMP metadata as it is, so a clinic called
 * "Smith & Jones" would make the XML unreadable; the XMP gets escaped copies while the info
 * dictionary keeps the real text.
 */
function escapeMetadataXml(doc: PDFKit.PDFDocument): void {
  const patched = doc as unknown as { info: Record<string, unknown>; _addInfo: () => void };
  const addInfo = patched._addInfo.bind(doc);
  patched._addInfo = () => {
    const info = patched.info;
    patched.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[&<>"']/g, (c) => xmlEscapes[c]!) : value]));
    try {
      addInfo();
    } finally {
      patched.info = info;
    }
  };
}

/**
 * A one-page-at-a-time PDF with SkinLedger's fonts registered and no page margins: every
 * document lays out its own boxes, so nothing can flow onto a page nobody asked for.
 */
let loadingPdfKit: Promise<typeof PDFKitDocument> | null = null;

/** pdfkit (with fontkit, about 30 MB resident) loads with the first PDF, not when the services start. */
function loadPdfKit(): Promise<typeof PDFKitDocument> {
  loadingPdfKit ??= import('pdfkit').then((module) => module.default);
  return loadingPdfKit;
}

export async function createPdfDocument(options: NewPdfOptions): Promise<PDFKit.PDFDocument> {
  const PDFDocument = await loadPdfKit();
  const paths = fontPaths(options.resourcesFolder);
  const doc = new PDFDocument({
    size: pdfkitPaper[options.paperSize],
    layout: options.layout ?? 'portrait',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    // No starting font: pdfkit would otherwise load Helvetica. Not the regular font's file path
    // either: pdfkit caches a font under the name it was first opened by, so after opening it by
    // path every doc.font('SkinLedger-Sans') parsed the 740 KB file again (most of a consent's
    // render time). The registered name is set straight after, before any text.
    font: '',
    info: {
      Title: options.info.title,
      Author: options.info.author,
      Subject: options.info.subject,
      Creator: 'SkinLedger',
      Producer: 'SkinLedger',
      CreationDate: options.info.createdAt,
    },
    displayTitle: true,
    bufferPages: options.bufferPages ?? false,
    lang: 'en',
    ...(options.archival ? { subset: 'PDF/A-2b' as const, pdfVersion: '1.7' as const } : {}),
  });
  if (options.archival) escapeMetadataXml(doc);
  reuseFonts(doc, Object.values(pdfFonts));
  registerFonts(doc, paths);
  doc.font(pdfFonts.regular);
  return doc;
}

/**
 * Ends the document and gathers its bytes in memory. PDFs here hold health data or keys, so
 * they never pass through a temporary file; the caller decides where (and whether) they go.
 */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
