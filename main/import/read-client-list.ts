import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { StoreError } from '../store/store-error';

/** Bigger than any clinic's client list (100,000 clients with notes is about 40 MB). */
export const clientListMaxBytes = 100 * 1024 * 1024;
/** More columns than any system's client export has; a wider file is not a client list. */
export const clientListMaxColumns = 500;

export interface ClientListRow {
  /** The line of the file the row starts on, counting the header as line 1, as a text editor shows it. */
  line: number;
  cells: string[];
}

export interface ClientList {
  encoding: string;
  delimiter: ',' | ';' | '\t';
  headers: string[];
  rows: ClientListRow[];
}

/**
 * A client list as other systems and spreadsheets write it, read into rows: UTF-8 with or without
 * a byte-order mark, UTF-16 (Excel's "Unicode text"), or a Windows code page (Excel's "CSV" on a
 * Windows PC) found by chardet and decoded by iconv-lite; comma, semicolon or tab between cells;
 * quoted cells over several lines (csv-parse). A file that is none of these is refused whole with
 * a sentence saying why, so nothing is ever half-read.
 */
export function readClientList(bytes: Buffer): ClientList {
  if (bytes.length === 0) throw new StoreError('INVALID_INPUT', 'The file is empty.');
  if (bytes.length > clientListMaxBytes) {
    throw new StoreError('INVALID_INPUT', `The file is ${Math.round(bytes.length / 1024 / 1024)} MB; a client list over 100 MB is not expected. Split it into smaller files.`);
  }
  const { text, encoding } = decode(bytes);
  if (looksBinary(text)) throw new StoreError('INVALID_INPUT', 'This is not a text file. Save the client list as CSV (comma-separated values) and choose that file.');
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, raw: true, max_record_size: 1_000_000 }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new StoreError('INVALID_INPUT', `The file cannot be read as CSV${line ? ` near line ${line}` : ''}: ${csvProblem(error)}`);
  }
  const [header, ...body] = records;
  if (!header || header.record.every((cell) => !cell.trim())) throw new StoreError('INVALID_INPUT', 'The file has no header line naming its columns.');
  if (header.record.length > clientListMaxColumns) {
    throw new StoreError('INVALID_INPUT', `The header has ${header.record.length} columns; a client list has at most ${clientListMaxColumns}. Check that this is the right file.`);
  }
  return {
    encoding,
    delimiter,
    headers: header.record.map((cell) => cell.trim()),
    rows: body.map(({ record, info, raw }) => ({ line: info.lines - lineBreaks(raw.replace(/^[\r\n]+/, '')), cells: record })),
  };
}

function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  const utf16 = utf16WithoutMark(bytes.subarray(0, 4096));
  if (utf16) return { text: iconv.decode(bytes, utf16), encoding: utf16.toUpperCase() };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: a byte-order-less UTF-16 file or a Windows code page.
  }
  const encoding = singleByteEncoding(bytes.subarray(0, 64 * 1024));
  return { text: iconv.decode(bytes, encoding), encoding: encoding.toUpperCase() };
}

/** UTF-16 saved without its mark: Latin text then has a zero in every other byte. */
function utf16WithoutMark(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) even++;
    if (sample[index + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 8) return null;
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * A Windows code page for text that is not UTF-8. Detectors tell Western European text apart
 * from Central European only by letter statistics, and a list of names is too short for them:
 * a Windows-1252 list of French and German names scores as ISO-8859-2 as often as not. Clinics
 * whose files come from Excel on a Western European PC are the usual case, so Windows-1252 wins
 * whenever a Western code page scores close to the best; another (Cyrillic, Greek, Japanese)
 * only when it clearly leads.
 */
function singleByteEncoding(sample: Buffer): string {
  const scores = chardet.analyse(sample);
  const best = scores[0];
  if (!best) return 'windows-1252';
  const western = scores.find((score) => /^(ISO-8859-(1|9|15)|windows-1252)$/i.test(score.name));
  if (western && western.confidence >= best.confidence * 0.8) return 'windows-1252';
  return iconv.encodingExists(best.name) ? best.name : 'windows-1252';
}

/** Control characters other than tab and line ends in more than 1 in 100 characters: a picture, a spreadsheet's binary form, a zip. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls += 1;
  }
  return controls > sample.length / 100;
}

/**
 * The cell separator: the one of comma, semicolon and tab that appears (outside quotes) most often
 * and the same number of times on the first lines. European Excel writes semicolons.
 */
function guessDelimiter(text: string): ',' | ';' | '\t' {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .slice(0, 6)
    .map((line) => line.replace(/"[^"]*"/g, ''));
  let best: ',' | ';' | '\t' = ',';
  let bestScore = -1;
  for (const candidate of [',', ';', '\t'] as const) {
    const counts = lines.map((line) => line.split(candidate).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const steady = counts.filter((count) => count === first).length;
    const score = steady * 1000 + first;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function lineBreaks(text: string): number {
  return (text.replace(/(\r\n|\r|\n)$/, '').match(/\r\n|\r|\n/g) ?? []).length;
}

function csvProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell is never closed.';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote inside a cell is not doubled.';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'one row is longer than a million characters.';
  return 'the layout of cells is broken.';
}
