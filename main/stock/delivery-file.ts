import { parseMonthYear } from '../../shared/clinical/expiry';
import { isCalendarDate } from '../../shared/dates';
import type { ReceiveLine, StockProduct } from '../../shared/stock/stock';
import { readClientList } from '../import/read-client-list';
import { StoreError } from '../store/store-error';

/** The columns a delivery file names in its header (any order, any case). */
const columns = ['product', 'lot', 'expiry', 'quantity', 'supplier', 'received'] as const;

/**
 * A supplier's delivery note saved as CSV, read with the client import's reader (any encoding,
 * comma, semicolon or tab): one line per lot, the product named as in the catalogue. Expiry as
 * the pack prints it (01/2027, 2027-01, or a full date as 2027-01-31 or 31/01/2027). Any line
 * that cannot be read refuses the whole file, each problem with its line number.
 */
export function readDeliveryFile(bytes: Buffer, products: readonly StockProduct[], today: string): ReceiveLine[] {
  const file = readClientList(bytes);
  const at = Object.fromEntries(columns.map((column) => [column, file.headers.findIndex((header) => header.toLowerCase() === column)])) as Record<(typeof columns)[number], number>;
  const missing = (['product', 'lot', 'quantity'] as const).filter((column) => at[column] < 0);
  if (missing.length > 0) throw new StoreError('INVALID_INPUT', `The delivery file needs the columns ${missing.join(', ')} (its header has ${file.headers.join(', ')}).`);
  const byName = new Map(products.filter((product) => !product.archived).map((product) => [product.name.toLowerCase(), product]));
  const problems: string[] = [];
  const lines: ReceiveLine[] = [];
  for (const row of file.rows) {
    const cell = (column: (typeof columns)[number]) => (at[column] >= 0 ? (row.cells[at[column]] ?? '').trim() : '');
    const product = byName.get(cell('product').toLowerCase());
    const quantity = Number(cell('quantity'));
    const expiry = cell('expiry') ? readExpiry(cell('expiry')) : null;
    const received = cell('received') ? readDay(cell('received')) : today;
    if (!product) problems.push(`line ${row.line}: "${cell('product')}" is not a product in the catalogue`);
    else if (!cell('lot')) problems.push(`line ${row.line}: no lot number`);
    else if (!Number.isInteger(quantity) || quantity < 1) problems.push(`line ${row.line}: the quantity "${cell('quantity')}" is not a whole number of 1 or more`);
    else if (expiry === undefined) problems.push(`line ${row.line}: the expiry "${cell('expiry')}" is not a month and year or a date`);
    else if (received === undefined) problems.push(`line ${row.line}: the received date "${cell('received')}" is not a date`);
    else lines.push({ productId: product.id, lot: cell('lot'), expiry, quantity, supplier: cell('supplier'), receivedOn: received });
  }
  if (problems.length > 0) throw new StoreError('INVALID_INPUT', `Nothing was received: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}.`);
  if (lines.length === 0) throw new StoreError('INVALID_INPUT', 'The delivery file has no lines under its header.');
  return lines;
}

/** A month expiry (01/2027, 2027-01) or a full day; undefined when it is neither. */
function readExpiry(text: string): string | undefined {
  return parseMonthYear(text) ?? readDay(text);
}

/** 2027-01-31 or 31/01/2027 (day first, as delivery notes in the UK print it). */
function readDay(text: string): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? text
    : /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/
        .exec(text)
        ?.slice(1)
        .reverse()
        .map((part) => part.padStart(2, '0'))
        .join('-');
  return iso && isCalendarDate(iso) ? iso : undefined;
}
