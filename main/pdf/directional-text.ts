/**
 * Names and addresses typed by the clinic can be Hebrew or Arabic, or mix them with Latin
 * letters and digits. pdfkit draws text left to right and shapes it word by word, which
 * scrambles right-to-left words and their spaces. This is a small subset of the Unicode
 * bidirectional algorithm, enough for one-paragraph fields: the paragraph takes the direction
 * of its first strong letter, text splits into runs of one direction, runs are placed in visual
 * order, and each run is shaped whole (so Arabic letters join and Hebrew reads right to left).
 * No embedding levels, no mirrored brackets: fields are names, not prose.
 */

import { drawPieces, piecesWidth } from './font-runs';

type Direction = 'ltr' | 'rtl';

/** Hebrew and Arabic are both right to left but are shaped apart: a run holds one script. */
type Strong = 'ltr' | 'hebrew' | 'arabic';

const hebrewLetter = /[\u0590-\u05FF\uFB1D-\uFB4F]/u;
const arabicLetter = /[\u0600-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ltrLetter = /[\p{L}\p{N}]/u;

function strongClass(char: string): Strong | null {
  if (hebrewLetter.test(char)) return 'hebrew';
  if (arabicLetter.test(char)) return 'arabic';
  if (ltrLetter.test(char)) return 'ltr';
  return null;
}

function directionOf(strong: Strong): Direction {
  return strong === 'ltr' ? 'ltr' : 'rtl';
}

function strongDirection(char: string): Direction | null {
  const strong = strongClass(char);
  return strong ? directionOf(strong) : null;
}

export function paragraphDirection(text: string): Direction {
  for (const char of text) {
    const direction = strongDirection(char);
    if (direction) return direction;
  }
  return 'ltr';
}

interface Run {
  text: string;
  direction: Direction;
}

/**
 * The line's runs, left to right as they are to be drawn. Runs of one direction that sit next
 * to each other (Hebrew then Arabic) keep their logical order within that direction.
 */
export function visualRuns(line: string, base: Direction = paragraphDirection(line)): Run[] {
  const chars = [...line];
  const strong = chars.map(strongClass);
  // A neutral (space, comma) between two letters of one script belongs to them; between two
  // scripts of one direction to the one before it; otherwise to the paragraph's direction.
  const resolved = chars.map((_, index): Strong | 'base' => {
    const own = strong[index];
    if (own) return own;
    const before =
      strong
        .slice(0, index)
        .reverse()
        .find((d) => d !== null) ?? null;
    const after = strong.slice(index + 1).find((d) => d !== null) ?? null;
    if (before && after && directionOf(before) === directionOf(after)) return before;
    return 'base';
  });
  const runs: (Run & { key: Strong | 'base' })[] = [];
  chars.forEach((char, index) => {
    const key = resolved[index]!;
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.text += char;
    else runs.push({ text: char, key, direction: key === 'base' ? base : directionOf(key) });
  });
  // Group neighbouring runs by direction, then order the groups (and, in an RTL group, the runs).
  const groups: (typeof runs)[] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    if (group && group[0]!.direction === run.direction) group.push(run);
    else groups.push([run]);
  }
  const ordered = base === 'rtl' ? groups.reverse() : groups;
  const visual: Run[] = [];
  for (const { text, direction, key } of ordered.flatMap((group) => (group[0]!.direction === 'rtl' ? [...group].reverse() : group))) {
    const last = visual[visual.length - 1];
    // Neighbouring left-to-right runs draw the same as one.
    if (direction === 'ltr' && last?.direction === 'ltr') last.text += text;
    // The shaper reverses runs with letters; a run of spaces and commas has none, so it is turned here.
    else visual.push({ text: direction === 'rtl' && key === 'base' ? [...text].reverse().join('') : text, direction });
  }
  return visual;
}

function lineWidth(doc: PDFKit.PDFDocument, line: string): number {
  return visualRuns(line).reduce((sum, run) => sum + piecesWidth(doc, run.text, { features: [] }), 0);
}

export interface DirectionalTextOptions {
  x: number;
  y: number;
  width: number;
  maxLines: number;
  lineGap?: number;
}

/**
 * Draws a field's text in the current font (emoji it lacks in the emoji font), wrapped at spaces within `width`, cut with an
 * ellipsis after `maxLines`. Returns the y below the last line drawn.
 */
export function drawDirectionalText(doc: PDFKit.PDFDocument, text: string, options: DirectionalTextOptions): number {
  const lineHeight = doc.currentLineHeight(true) + (options.lineGap ?? 0);
  const lines = wrapLines(doc, text, options.width, options.maxLines);
  lines.forEach((line, index) => {
    let x = options.x;
    const y = options.y + index * lineHeight;
    for (const run of visualRuns(line.text, line.direction)) {
      // An explicit (empty) feature list makes pdfkit shape the run whole instead of word by word;
      // emoji DejaVu lacks are drawn in the emoji font.
      x = drawPieces(doc, run.text, x, y, { features: [] });
    }
  });
  return options.y + lines.length * lineHeight;
}

interface Line {
  text: string;
  direction: Direction;
}

function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number, maxLines: number): Line[] {
  const fits = (candidate: string) => lineWidth(doc, candidate) <= width;
  const lines: Line[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const direction = paragraphDirection(paragraph);
    let current = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (fits(candidate) || !current) {
        current = candidate;
        continue;
      }
      lines.push({ text: current, direction });
      current = word;
    }
    if (current) lines.push({ text: current, direction });
  }
  const kept = lines.slice(0, maxLines);
  const cut = lines.length > maxLines;
  return kept.map((line, index) => {
    const last = index === kept.length - 1;
    // A single word wider than the line (or the last kept line of a longer text) is shortened.
    if ((last && cut) || !fits(line.text)) return { ...line, text: shorten(line.text, fits) };
    return line;
  });
}

function shorten(text: string, fits: (candidate: string) => boolean): string {
  const chars = [...text];
  while (chars.length > 0 && !fits(`${chars.join('').trimEnd()}…`)) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
