import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../../main/demo/demo-seeder';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

const folder = tempFolder();
afterEach(() => folder.remove());

describe('demo stock', () => {
  it('fills a catalogue and stock once, recent demo sessions use it, and Home has something to say', async () => {
    const store = await createTestStore(folder.path, new TestClock(new Date('2026-09-01T09:00:00Z')));
    try {
      const by = store.admin.id;
      await seedDemoClinic(store.services, by, { clients: 150, seed: 3, batchSize: 50 });
      await seedDemoClinic(store.services, by, { clients: 20, seed: 4, batchSize: 50 });
      const stock = store.services.stock;
      expect(stock.products().map((product) => product.name)).toContain('16-pin cartridge');
      expect(stock.products()).toHaveLength(5);
      const used = store.services.db.prepare(`SELECT count(*) FROM stock_movement WHERE kind = 'used'`).pluck().get() as number;
      const picked = store.services.db.prepare('SELECT count(*) FROM session_lot WHERE stock_lot_id IS NOT NULL').pluck().get() as number;
      expect(used).toBeGreaterThan(0);
      expect(used).toBe(picked);
      const alerts = stock.alerts(30);
      expect(alerts.expiringSoon.map((lot) => lot.lot)).toEqual(['CT26-03310']);
      expect(alerts.expired.map((lot) => lot.lot)).toEqual(['CT25-11020']);
      expect(stock.lots({ onHandOnly: true }).every((lot) => lot.onHand > 0)).toBe(true);
    } finally {
      store.services.close();
    }
  });
});
