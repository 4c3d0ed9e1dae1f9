/*
 * The one CSV writer of SkinLedger (client export, audit trail, lot recall, photos listing).
 * No CSV library is among the project's dependencies, and RFC 4180 with a formula guard is a
 * few lines, so it is written here once. Cells are strings only: a caller turns every value
 * into words first, so no raw JSON or code ever reaches a spreadsheet.
 */

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a cell that starts like a formula
 * (= + - @) or with a tab, carriage return or line feed gets a leading apostrophe, so text such as
 * "=HYPERLINK(...)" typed into a record stays text in Excel or LibreOffice instead of running.
 * Cells holding a comma, quote or line break are quoted, with quotes doubled.
 */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Rows as CSV text with CRLF line ends, as spreadsheets expect. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Rows of named cells as CSV, one column per name in the order first seen; a row without a
 * column leaves its cell empty. The header line names the columns.
 */
export function csvRecords(rows: readonly Readonly<Record<string, string>>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return csvText([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))]);
}

/** A byte-order mark first, so spreadsheet programs read names in any script as UTF-8. */
export function csvFile(text: string): string {
  return `\uFEFF${text}`;
}
