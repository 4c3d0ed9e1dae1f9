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
