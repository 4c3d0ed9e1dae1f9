import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecordInput } from '../../../shared/clinical/session';
import type { ProductInput } from '../../../shared/stock/stock';
import { answeredHistory } from '../../support/medical-history';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let clock: TestClock;
let by: string;
let clientId: string;

const paper = { noConsentReason: 'Consent signed on paper, being scanned.' };
const cartridge: ProductInput = { category: 'cartridge', name: '16-pin cartridge', maker: 'Demo', model: 'C16', configuration: '16-pin', compatibleDevice: 'Demo Pen', size: '', minimumOnHand: 5 };

beforeEach(async () => {
  folder = tempFolder();
  clock = new TestClock(new Date('2026-09-01T09:00:00Z'));
  store = await createTestStore(folder.path, clock);
  by = store.admin.id;
  clientId = store.services.clients.create(by, { firstName: 'Lot', lastName: 'Test' }).id;
  store.services.medicalHistory.record(by, clientId, answeredHistory());
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const session = (lots: Pick<SessionRecordInput, 'cartridge' | 'products'>): SessionRecordInput => ({
  performedAt: clock.now().toISOString(),
  device: { kind: 'pen', make: 'Demo Pen', model: 'DP-1', settings: '' },
  anaesthetic: { product: '', appliedAt: null },
  skinPrep: '',
  areas: [{ area: 'forehead', depthMm: 0.5, passes: 2 }],
  endpoint: 'even-erythema',
  immediateReaction: '',
  aftercareGiven: true,
  notes: '',
  ...lots,
});

function receiveTwo() {
  const stock = store.services.stock;
  const product = stock.addProduct(by, cartridge);
  const [fresh, old] = stock.receive(by, [
    { productId: product.id, lot: 'CT-2026-0412', expiry: '2027-03', quantity: 10, supplier: 'Demo Supplies', receivedOn: '2026-09-01' },
    { productId: product.id, lot: 'CT-2025-0001', expiry: '2026-08', quantity: 2, supplier: 'Demo Supplies', receivedOn: '2026-09-01' },
  ]);
  return { product, fresh: fresh!, old: old! };
}

describe('stock', () => {
  it('receives a delivery and keeps one lot per product and lot number, however it is typed', () => {
    const { product, fresh } = receiveTwo();
    expect(fresh.onHand).toBe(10);
    const [again] = store.services.stock.receive(by, [{ productId: product.id, lot: 'ct2026 0412', expiry: '2027-03', quantity: 5, supplier: '', receivedOn: '2026-09-02' }]);
    expect(again).toMatchObject({ id: fresh.id, lot: 'CT-2026-0412', onHand: 15 });
    expect(store.services.stock.product(product.id).onHand).toBe(17);
    expect(() => store.services.stock.receive(by, [{ productId: product.id, lot: 'CT20260412', expiry: '2027-04', quantity: 1, supplier: '', receivedOn: '2026-09-02' }])).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(store.services.audit.recent(3).map((row) => row.action)).toContain('stock.receive');
  });

  it('writes off with a reason and corrects a count, both kept in the ledger and audited', () => {
    const { fresh } = receiveTwo();
    expect(store.services.stock.writeOff(by, { lotId: fresh.id, quantity: 2, reason: 'damaged', note: '' }).onHand).toBe(8);
    expect(() => store.services.stock.writeOff(by, { lotId: fresh.id, quantity: 9, reason: 'damaged', note: '' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(store.services.stock.count(by, { lotId: fresh.id, counted: 6, note: 'Shelf count' }).onHand).toBe(6);
    expect(store.services.stock.movements(fresh.id).map((m) => [m.kind, m.change])).toEqual([
      ['counted', -2],
      ['written-off', -2],
      ['received', 10],
    ]);
    expect(() => store.services.db.prepare('UPDATE stock_movement SET change = 100').run()).toThrow(/never changed/);
    expect(() => store.services.db.prepare(`DELETE FROM stock_movement WHERE kind = 'received'`).run()).toThrow(/never deleted/);
    expect(() => store.services.db.prepare('DELETE FROM stock_product').run()).toThrow(/archived, never deleted/);
    expect(store.services.audit.recent(2).map((row) => row.action)).toEqual(['stock.count', 'stock.write-off']);
  });

  it('a session takes its picked lot off the shelf in its own transaction, and a change puts it back first', () => {
    const { fresh } = receiveTwo();
    const picked = { name: '16-pin cartridge', lot: 'CT-2026-0412', expiry: '2027-03', stockLotId: fresh.id };
    const saved = store.services.sessions.record(by, clientId, null, session({ cartridge: picked, products: [{ name: 'Own serum', lot: 'X1', expiry: null }] }), paper);
    expect(store.services.stock.lot(fresh.id).onHand).toBe(9);
    expect(saved.record.products[0]!.stockLotId).toBeNull();
    store.services.sessions.change(by, saved.id, session({ cartridge: picked, products: [] }), null);
    expect(store.services.stock.lot(fresh.id).onHand).toBe(9);
    store.services.sessions.change(by, saved.id, session({ cartridge: null, products: [] }), null);
    expect(store.services.stock.lot(fresh.id).onHand).toBe(10);
  });

  it('refuses a picked lot that does not match the catalogue or is not on hand, and saves nothing', () => {
    const { fresh } = receiveTwo();
    const count = store.services.sessions.count();
    expect(() => store.services.sessions.record(by, clientId, null, session({ cartridge: { name: '16-pin cartridge', lot: 'CT-2026-0412', expiry: '2027-04', stockLotId: fresh.id } }), paper)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    store.services.stock.count(by, { lotId: fresh.id, counted: 0, note: '' });
    expect(() => store.services.sessions.record(by, clientId, null, session({ cartridge: { name: '16-pin cartridge', lot: 'CT-2026-0412', expiry: '2027-03', stockLotId: fresh.id } }), paper)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(store.services.sessions.count()).toBe(count);
  });

  it('an expired lot is used only with a reason, kept on the session', () => {
    const { old } = receiveTwo();
    const expired = { name: '16-pin cartridge', lot: 'CT-2025-0001', expiry: '2026-08', stockLotId: old.id };
    expect(() => store.services.sessions.record(by, clientId, null, session({ cartridge: expired }), paper)).toThrow(expect.objectContaining({ code: 'NEEDS_OVERRIDE' }));
    expect(store.services.stock.lot(old.id).onHand).toBe(2);
    const saved = store.services.sessions.record(by, clientId, null, session({ cartridge: expired }), { ...paper, expiredLotReason: 'Only lot left; checked sealed.' });
    expect(saved.basis?.exceptions.find((e) => e.kind === 'expired-lot')).toMatchObject({ lot: 'CT-2025-0001', reason: 'Only lot left; checked sealed.' });
    expect(store.services.stock.lot(old.id).onHand).toBe(1);
  });

  it('Home: lots expiring within 30 days, expired lots on hand, products below minimum', () => {
    const { product, fresh, old } = receiveTwo();
    const [soon] = store.services.stock.receive(by, [{ productId: product.id, lot: 'SOON-1', expiry: '2026-09-20', quantity: 1, supplier: '', receivedOn: '2026-09-01' }]);
    const alerts = store.services.stock.alerts(30);
    expect(alerts.expiringSoon.map((lot) => lot.id)).toEqual([soon!.id]);
    expect(alerts.expired.map((lot) => lot.id)).toEqual([old.id]);
    expect(alerts.belowMinimum).toEqual([]);
    store.services.stock.writeOff(by, { lotId: old.id, quantity: 2, reason: 'expired', note: '' });
    store.services.stock.writeOff(by, { lotId: fresh.id, quantity: 7, reason: 'recalled', note: 'Maker notice' });
    const after = store.services.stock.alerts(30);
    expect(after.expired).toEqual([]);
    expect(after.belowMinimum.map((p) => [p.name, p.onHand])).toEqual([['16-pin cartridge', 4]]);
    const plan = store.services.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM stock_lot WHERE on_hand > 0 AND last_usable_day < '2026-09-01'`).all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX stock_lot_on_hand_by_expiry/);
  });

  it('a recall notice finds the catalogue lot however it is typed, and writes off what is left as recalled in one step', () => {
    const { fresh } = receiveTwo();
    expect(store.services.stock.lotsNamed('ct2026 0412').map((lot) => lot.id)).toEqual([fresh.id]);
    expect(store.services.stock.writeOffRecalled(by, fresh.id, 'Maker notice 12/2026').onHand).toBe(0);
    expect(store.services.stock.movements(fresh.id)[0]).toMatchObject({ kind: 'written-off', change: -10, reason: 'recalled' });
    expect(store.services.stock.writeOffRecalled(by, fresh.id, '').onHand).toBe(0);
  });

  it('reports on hand, expiry warnings and use per month as CSV, and audits it', () => {
    const { fresh } = receiveTwo();
    store.services.sessions.record(by, clientId, null, session({ cartridge: { name: '16-pin cartridge', lot: 'CT-2026-0412', expiry: '2027-03', stockLotId: fresh.id } }), paper);
    const lines = store.services.stock.reportCsv(by).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Product,Category,Lot,Expiry,Last usable day,On hand,Expiry warning,Used 2025-10,.*,Used 2026-09$/);
    expect(lines).toContain('16-pin cartridge,Needle cartridge,CT-2026-0412,2027-03,2027-03-31,9,,0,0,0,0,0,0,0,0,0,0,0,1');
    expect(lines).toContain('16-pin cartridge,Needle cartridge,CT-2025-0001,2026-08,2026-08-31,2,Expired,0,0,0,0,0,0,0,0,0,0,0,0');
    expect(store.services.audit.recent(1)[0]!.action).toBe('stock.report');
  });

  it('a purged client leaves the stock used as it was', async () => {
    const { fresh } = receiveTwo();
    store.services.sessions.record(by, clientId, null, session({ cartridge: { name: '16-pin cartridge', lot: 'CT-2026-0412', expiry: '2027-03', stockLotId: fresh.id } }), paper);
    await store.services.retention.purgeClient(by, { clientId, reason: 'erasure-request', note: 'Written request received.', confirmation: 'Lot Test' });
    expect(store.services.stock.lot(fresh.id).onHand).toBe(9);
    expect(store.services.db.prepare('SELECT count(*) FROM stock_movement WHERE session_id IS NOT NULL').pluck().get()).toBe(0);
  });
});
