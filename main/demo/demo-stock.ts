import { lastUsableDay } from '../../shared/clinical/expiry';
import { foldLot } from '../../shared/stock/lot-number';
import type { SqliteDatabase } from '../store/open-database';
import { addWeeks } from '../treatments/course-service';
import { serums } from './demo-names';

export interface DemoLot {
  id: string;
  name: string;
  lot: string;
  expiry: string;
}

/**
 * A believable stock for the demo clinic: a 16-pin cartridge and the demo serums, each with a lot
 * in use, plus a cartridge lot expiring within 30 days and an expired one left on the shelf, so
 * Home has something to say. Ids are fixed words, not random, so the demo's random sequence (and
 * every client it makes) stays as it was. Made once per store; a second seed-demo reuses it.
 * Demo sessions of the last half year take their lots from here, restocked by a delivery of 20 when one runs out.
 */
export function demoStock(db: SqliteDatabase, by: string, today: string, now: string) {
  const known = db.prepare(`SELECT count(*) FROM stock_product WHERE id LIKE 'demo-product-%'`).pluck().get() as number;
  const month = (weeks: number) => addWeeks(today, weeks).slice(0, 7);
  const cartridge: DemoLot = { id: 'demo-lot-cartridge', name: '16-pin cartridge', lot: 'CT26-04120', expiry: month(44) };
  const serumLots: DemoLot[] = serums.map((name, index) => ({ id: `demo-lot-serum-${index + 1}`, name, lot: `SR-26${String(410 + index * 7)}`, expiry: month(36 + index * 4) }));
  const addLot = db.prepare('INSERT INTO stock_lot (id, product_id, lot, lot_folded, expiry, last_usable_day, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const receive = db.prepare(`INSERT INTO stock_movement (lot_id, kind, change, supplier, received_on, at, by) VALUES (?, 'received', ?, 'Demo Medical Supplies', ?, ?, ?)`);
  const use = db.prepare(`INSERT INTO stock_movement (lot_id, kind, change, session_id, at, by) VALUES (?, 'used', -1, ?, ?, ?)`);
  const onHand = db.prepare('SELECT on_hand FROM stock_lot WHERE id = ?').pluck();
  if (known === 0) {
    const addProduct = db.prepare(
      `INSERT INTO stock_product (id, category, name, maker, model, configuration, compatible_device, size, minimum_on_hand, created_at) VALUES (?, ?, ?, 'Demo Medical', ?, ?, ?, ?, ?, ?)`,
    );
    addProduct.run('demo-product-cartridge', 'cartridge', cartridge.name, 'C16', '16-pin', 'Demo Pen DP-1', '', 20, now);
    serums.forEach((name, index) => addProduct.run(`demo-product-serum-${index + 1}`, 'serum', name, '', '', '', '5 ml', 4, now));
    const lot = (id: string, product: string, number: string, expiry: string, quantity: number) => {
      addLot.run(id, product, number, foldLot(number), expiry, lastUsableDay(expiry), now);
      receive.run(id, quantity, addWeeks(today, -27), now, by);
    };
    lot(cartridge.id, 'demo-product-cartridge', cartridge.lot, cartridge.expiry, 40);
    lot('demo-lot-cartridge-soon', 'demo-product-cartridge', 'CT26-03310', addWeeks(today, 3), 6);
    lot('demo-lot-cartridge-expired', 'demo-product-cartridge', 'CT25-11020', addWeeks(today, -6).slice(0, 7), 3);
    serumLots.forEach((serum, index) => lot(serum.id, `demo-product-serum-${index + 1}`, serum.lot, serum.expiry, index === 3 ? 3 : 12));
  }
  return {
    cartridge,
    serum: (name: string) => serumLots.find((lot) => lot.name === name) ?? serumLots[0]!,
    /** One unit of the lot used by the session, restocked first when the shelf is empty. */
    use(lot: DemoLot, sessionId: string, at: string) {
      if ((onHand.get(lot.id) as number) < 1) receive.run(lot.id, 20, today, now, by);
      use.run(lot.id, sessionId, at, by);
    },
  };
}
