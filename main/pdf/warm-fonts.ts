import { createPdfDocument, finishPdf } from './document';
import { pdfFonts, type FontRole } from './fonts';

/** Words every consent and session PDF sets, so the first document finds them shaped. */
const commonWords =
  'Consent Client Practitioner Signed Date Time Initials Answer Yes No ☑ ☐ • Page of ' +
  'the and to of a in for is on that with as I have been told understand agree treatment microneedling skin ' +
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 . , : ; - – ( ) / % ’';

let warming: Promise<void> | null = null;

/**
 * The first PDF after a start used to wait for pdfkit to load and for fontkit to parse five
 * font files (a few hundred milliseconds on the practitioner's "Sign"). After sign-in, once the
 * screen the practitioner lands on has been answered, a throwaway document (never written
 * anywhere) opens each font, one per turn of the event loop so no request waits behind more
 * than one; font-reuse.ts keeps the parsed faces and shaped words for every document after.
 * Once per process; a failure here only means the first real PDF does the work itself.
 */
export function warmPdfFontsSoon(delayMs = 1500): void {
  if (warming) return;
  warming = new Promise<void>((resolve) => setTimeout(resolve, delayMs).unref()).then(warmPdfFonts).catch(() => undefined);
}

/** Settles once the warming asked for has run (at once when none was asked for): for measuring. */
export function pdfFontsWarmed(): Promise<void> {
  return warming ?? Promise.resolve();
}

export async function warmPdfFonts(): Promise<void> {
  const doc = await createPdfDocument({ paperSize: 'A4', info: { title: '', author: '', subject: '', createdAt: new Date(0) } });
  for (const role of Object.keys(pdfFonts) as FontRole[]) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    doc.font(pdfFonts[role]).fontSize(10).text(commonWords, 20, 20, { width: 500 });
  }
  await finishPdf(doc);
}
