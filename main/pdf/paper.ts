import type { paperSizes } from '../../shared/settings';

export type PaperSize = (typeof paperSizes)[number];

/** pdfkit's names for the clinic's paper setting. */
export const pdfkitPaper: Record<PaperSize, string> = { A4: 'A4', LETTER: 'LETTER' };
