import { randomUUID } from 'node:crypto';
import { lastUsableDay } from '../../shared/clinical/expiry';
import type { SessionRecord } from '../../shared/clinical/session';
import { foldLot } from '../../shared/stock/lot-number';
import { lastMonths, stockReportCsv } from '../../shared/stock/stock-report';
import { countCorrection, windowEnd } from '../../shared/stock/stock-rules';
import { ProductInput, ReceiveLine, StockCountInput, WriteOffInput, type ProductCategory, type StockAlerts, type StockLot, type StockProduct } from '../../shared/stock/stock';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';

interface ProductRow {
  id: string;
  category: ProductCategory;
  name: string;
  maker: string;
  model: string;
  configuration: string;
  compatible_device: string;
  size: string;
  minimum_on_hand: number | null;
  on_hand: number;
  archived_at: string | null;
}

interface LotRow {
  id: string;
  product_id: string;
  product_name: string;
  category: ProductCategory;
  lot: string;
  expiry: string | null;
  last_usable_day: string | null;
  on_hand: number;
  archived_at: string | null;
}

const lotQuery = `SELECT l.id, l.product_id, p.name AS product_name, p.category, l.lot, l.expiry, l.last_usable_day, l.on_hand, p.archived_at
  FROM stock_lot l JOIN stock_product p ON p.id = l.product_id`;

/** A movement in the ledger: what it changed, and why, for the Stock page's history of a lot. */
export interface StockMovement {
  seq: number;
  kind: 'received' | 'used' | 'written-off' | 'counted';
  change: number;
  reason: string | null;
  note: string;
  supplier: string;
  receivedOn: string | null;
  at: string;
  byName: string;
}

/**
 * The clinic's stock: the product catalogue, lots received, and every movement of a lot. Stock on
 * hand is kept per lot and per product by the ledger's triggers; every change here is audited.
 */
export class StockService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  products(includeArchived = false): StockProduct[] {
    const rows = this.db.prepare(`SELECT * FROM stock_product ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY category, name COLLATE NOCASE`).all() as ProductRow[];
    return rows.map(toProduct);
  }

  product(id: string): StockProduct {
    const row = this.db.prepare('SELECT * FROM stock_product WHERE id = ?').get(id) as ProductRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That product is not in the catalogue.');
    return toProduct(row);
  }

  addProduct(by: string, input: ProductInput): StockProduct {
    const product = ProductInput.parse(input);
    const id = randomUUID();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO stock_product (id, category, name, maker, model, configuration, compatible_device, size, minimum_on_hand, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, product.category, product.name, product.maker, product.model, product.configuration, product.compatibleDevice, product.size, product.minimumOnHand, this.now());
      this.audit.append({ staffId: by, action: 'stock.product-create', entity: 'stock-product', entityId: id, detail: `category=${product.category}` });
    })();
    return this.product(id);
  }

  updateProduct(by: string, id: string, input: ProductInput): StockProduct {
    const product = ProductInput.parse(input);
    this.product(id);
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE stock_product SET category = ?, name = ?, maker = ?, model = ?, configuration = ?, compatible_device = ?, size = ?, minimum_on_hand = ? WHERE id = ?`)
        .run(product.category, product.name, product.maker, product.model, product.configuration, product.compatibleDevice, product.size, product.minimumOnHand, id);
      this.audit.append({ staffId: by, action: 'stock.product-update', entity: 'stock-product', entityId: id, detail: `minimum=${product.minimumOnHand ?? 'none'}` });
    })();
    return this.product(id);
  }

  /** Archived products leave the pickers and Home; their lots and the sessions that used them stay. */
  setArchived(by: string, id: string, archived: boolean): StockProduct {
    this.product(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE stock_product SET archived_at = ? WHERE id = ?').run(archived ? this.now() : null, id);
      this.audit.append({ staffId: by, action: archived ? 'stock.product-archive' : 'stock.product-unarchive', entity: 'stock-product', entityId: id });
    })();
    return this.product(id);
  }

  /**
   * A delivery, one line or many, in one transaction. A lot already known for the product takes
   * the new units; its expiry must be the one already recorded (the same lot cannot expire twice).
   */
  receive(by: string, lines: readonly ReceiveLine[]): StockLot[] {
    const parsed = lines.map((line) => ReceiveLine.parse(line));
    if (parsed.length === 0) throw new StoreError('INVALID_INPUT', 'Add at least one line to the delivery.');
    const now = this.now();
    const ids: string[] = [];
    this.db.transaction(() => {
      parsed.forEach((line, index) => {
        const product = this.product(line.productId);
        const folded = foldLot(line.lot);
        if (!folded) throw new StoreError('INVALID_INPUT', `Line ${index + 1}: enter the lot number.`, { fields: { [`lines.${index}.lot`]: 'Enter the lot number.' } });
        const known = this.db.prepare('SELECT id, lot, expiry FROM stock_lot WHERE product_id = ? AND lot_folded = ?').get(line.productId, folded) as
          { id: string; lot: string; expiry: string | null } | undefined;
        if (known && known.expiry !== line.expiry) {
          throw new StoreError(
            'CONFLICT',
            `Line ${index + 1}: lot ${known.lot} of ${product.name} is already recorded with expiry ${known.expiry ?? 'none'}. Check the pack: the same lot has one expiry.`,
          );
        }
        const lotId = known?.id ?? randomUUID();
        if (!known) {
          this.db
            .prepare('INSERT INTO stock_lot (id, product_id, lot, lot_folded, expiry, last_usable_day, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(lotId, line.productId, line.lot, folded, line.expiry, line.expiry ? lastUsableDay(line.expiry) : null, now);
        }
        this.db
          .prepare(`INSERT INTO stock_movement (lot_id, kind, change, supplier, received_on, at, by) VALUES (?, 'received', ?, ?, ?, ?, ?)`)
          .run(lotId, line.quantity, line.supplier, line.receivedOn, now, by);
        ids.push(lotId);
      });
      const units = parsed.reduce((total, line) => total + line.quantity, 0);
      this.audit.append({ staffId: by, action: 'stock.receive', entity: 'stock-lot', entityId: ids[0] ?? null, detail: `lines=${parsed.length} units=${units}` });
    })();
    return [...new Set(ids)].map((id) => this.lot(id));
  }

  lot(id: string): StockLot {
    const row = this.db.prepare(`${lotQuery} WHERE l.id = ?`).get(id) as LotRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That lot is not in stock records.');
    return toLot(row);
  }

  /** Lots, earliest expiry first (lots without expiry last); on hand only unless asked for all. */
  lots(options: { onHandOnly: boolean }): StockLot[] {
    const rows = this.db
      .prepare(`${lotQuery} ${options.onHandOnly ? 'WHERE l.on_hand > 0' : ''} ORDER BY l.last_usable_day IS NULL, l.last_usable_day, p.name COLLATE NOCASE, l.lot`)
      .all() as LotRow[];
    return rows.map(toLot);
  }

  /** A lot's ledger, newest first. */
  movements(lotId: string): StockMovement[] {
    this.lot(lotId);
    const rows = this.db
      .prepare(
        `SELECT m.seq, m.kind, m.change, m.reason, m.note, m.supplier, m.received_on, m.at, s.name AS by_name
         FROM stock_movement m JOIN staff s ON s.id = m.by WHERE m.lot_id = ? ORDER BY m.seq DESC`,
      )
      .all(lotId) as { seq: number; kind: StockMovement['kind']; change: number; reason: string | null; note: string; supplier: string; received_on: string | null; at: string; by_name: string }[];
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, change: r.change, reason: r.reason, note: r.note, supplier: r.supplier, receivedOn: r.received_on, at: r.at, byName: r.by_name }));
  }

  writeOff(by: string, input: WriteOffInput): StockLot {
    const { lotId, quantity, reason, note } = WriteOffInput.parse(input);
    const lot = this.lot(lotId);
    if (quantity > lot.onHand) throw new StoreError('CONFLICT', `Only ${lot.onHand} of lot ${lot.lot} are on hand. Count the stock first if the shelf holds more.`);
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO stock_movement (lot_id, kind, change, reason, note, at, by) VALUES (?, 'written-off', ?, ?, ?, ?, ?)`).run(lotId, -quantity, reason, note, this.now(), by);
      this.audit.append({ staffId: by, action: 'stock.write-off', entity: 'stock-lot', entityId: lotId, detail: `units=${quantity} reason=${reason}` });
    })();
    return this.lot(lotId);
  }

  /** A stock count: the shelf is what was counted; the difference is kept in the ledger and audited. */
  count(by: string, input: StockCountInput): StockLot {
    const { lotId, counted, note } = StockCountInput.parse(input);
    const lot = this.lot(lotId);
    const change = countCorrection(lot.onHand, counted);
    this.db.transaction(() => {
      if (change !== 0) this.db.prepare(`INSERT INTO stock_movement (lot_id, kind, change, note, at, by) VALUES (?, 'counted', ?, ?, ?, ?)`).run(lotId, change, note, this.now(), by);
      this.audit.append({ staffId: by, action: 'stock.count', entity: 'stock-lot', entityId: lotId, detail: `booked=${lot.onHand} counted=${counted}` });
    })();
    return this.lot(lotId);
  }

  /** Home's warnings, read through the partial indexes: only lots on hand, only products below their minimum. */
  alerts(days = 30): StockAlerts {
    const today = this.now().slice(0, 10);
    const soon = this.db
      .prepare(`${lotQuery} WHERE l.on_hand > 0 AND l.last_usable_day >= ? AND l.last_usable_day <= ? AND p.archived_at IS NULL ORDER BY l.last_usable_day LIMIT 50`)
      .all(today, windowEnd(today, days)) as LotRow[];
    const expired = this.db.prepare(`${lotQuery} WHERE l.on_hand > 0 AND l.last_usable_day < ? ORDER BY l.last_usable_day LIMIT 50`).all(today) as LotRow[];
    const below = this.db.prepare('SELECT * FROM stock_product WHERE archived_at IS NULL AND minimum_on_hand IS NOT NULL AND on_hand < minimum_on_hand ORDER BY name LIMIT 50').all() as ProductRow[];
    return { today, days, expiringSoon: soon.map(toLot), expired: expired.map(toLot), belowMinimum: below.map(toProduct) };
  }

  /**
   * A session's use of catalogue lots, inside the session's own transaction: what it took before
   * is put back, then each picked lot gives one unit. A picked lot must be the catalogue's as
   * recorded (name, lot and expiry), and on hand; otherwise the session is refused, not corrected.
   */
  useForSession(by: string, sessionId: string, record: Pick<SessionRecord, 'cartridge' | 'products'>, at: string): void {
    this.db.prepare(`DELETE FROM stock_movement WHERE session_id = ? AND kind = 'used'`).run(sessionId);
    const picked = [...(record.cartridge ? [record.cartridge] : []), ...record.products].filter((line) => line.stockLotId !== null);
    for (const line of picked) {
      const lot = this.db.prepare(`${lotQuery} WHERE l.id = ?`).get(line.stockLotId) as LotRow | undefined;
      if (!lot || lot.product_name !== line.name || foldLot(lot.lot) !== foldLot(line.lot) || lot.expiry !== line.expiry) {
        throw new StoreError('CONFLICT', `The lot ${line.lot} of ${line.name} does not match the stock records. Pick it again from the list.`);
      }
      if (lot.on_hand < 1) {
        throw new StoreError('CONFLICT', `There is no ${line.name} of lot ${line.lot} left on hand. Count the stock if the shelf holds some, or pick another lot.`);
      }
      this.db.prepare(`INSERT INTO stock_movement (lot_id, kind, change, session_id, at, by) VALUES (?, 'used', -1, ?, ?, ?)`).run(lot.id, sessionId, at, by);
    }
  }

  /** A maker's recall: everything of the lot still on the shelf is written off as recalled, in one step. */
  writeOffRecalled(by: string, lotId: string, note: string): StockLot {
    const lot = this.lot(lotId);
    if (lot.onHand === 0) return lot;
    return this.writeOff(by, { lotId, quantity: lot.onHand, reason: 'recalled', note });
  }

  /** The stock report as CSV (on hand, expiry warnings, used per month for a year); saving it is audited. */
  reportCsv(by: string): string {
    const today = this.now().slice(0, 10);
    const since = `${lastMonths(today)[0]}-01`;
    const used = this.db.prepare(`SELECT lot_id, substr(at, 1, 7) AS month, -sum(change) AS units FROM stock_movement WHERE kind = 'used' AND at >= ? GROUP BY lot_id, month`).all(since) as {
      lot_id: string;
      month: string;
      units: number;
    }[];
    const byLot = new Map<string, Map<string, number>>();
    for (const row of used) byLot.set(row.lot_id, (byLot.get(row.lot_id) ?? new Map<string, number>()).set(row.month, row.units));
    const csv = stockReportCsv(this.lots({ onHandOnly: false }), byLot, today);
    this.audit.append({ staffId: by, action: 'stock.report', entity: 'stock-lot', detail: `lots=${csv.split('\r\n').length - 2}` });
    return csv;
  }

  /** Lots matching a typed lot number (any product): recall starts from what a maker's notice prints. */
  lotsNamed(lot: string): StockLot[] {
    return (this.db.prepare(`${lotQuery} WHERE l.lot_folded = ? ORDER BY p.name`).all(foldLot(lot)) as LotRow[]).map(toLot);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function toProduct(row: ProductRow): StockProduct {
  return {
    id: row.id,
    category: row.category,
    name: row.name,
    maker: row.maker,
    model: row.model,
    configuration: row.configuration,
    compatibleDevice: row.compatible_device,
    size: row.size,
    minimumOnHand: row.minimum_on_hand,
    onHand: row.on_hand,
    archived: row.archived_at !== null,
  };
}

function toLot(row: LotRow): StockLot {
  return {
    id: row.id,
    productId: row.product_id,
    productName: row.product_name,
    category: row.category,
    lot: row.lot,
    expiry: row.expiry,
    lastUsableDay: row.last_usable_day,
    onHand: row.on_hand,
    productArchived: row.archived_at !== null,
  };
}
