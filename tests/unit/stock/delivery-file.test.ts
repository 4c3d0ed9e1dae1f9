import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDeliveryFile } from '../../../main/stock/delivery-file';
import type { StockProduct } from '../../../shared/stock/stock';

const product = (id: string, name: string, archived = false): StockProduct => ({
  id,
  name,
  archived,
  category: 'serum',
  maker: '',
  model: '',
  configuration: '',
  compatibleDevice: '',
  size: '',
  minimumOnHand: null,
  onHand: 0,
});
const catalogue = [product('p1', 'Hyaluronic serum'), product('p2', '16-pin cartridge'), product('p3', 'Old serum', true)];

describe('a delivery file', () => {
  it('reads lines by header in any order and case, in a Windows code page, semicolons and all', () => {
    const text = 'Quantity;Product;LOT;Expiry;Supplier;Received\r\n10;16-pin cartridge;CT-2026-0412;03/2027;Demo Supplies;02/09/2026\r\n4;hyaluronic serum;HA 7781;;Dermal Ltd;\r\n';
    expect(readDeliveryFile(iconv.encode(text, 'windows-1252'), catalogue, '2026-09-05')).toEqual([
      { productId: 'p2', lot: 'CT-2026-0412', expiry: '2027-03', quantity: 10, supplier: 'Demo Supplies', receivedOn: '2026-09-02' },
      { productId: 'p1', lot: 'HA 7781', expiry: null, quantity: 4, supplier: 'Dermal Ltd', receivedOn: '2026-09-05' },
    ]);
  });

  it('refuses the whole file, naming each line, when a line cannot be read', () => {
    const text = 'product,lot,expiry,quantity\nHyaluronic serum,A1,2027-02-30,1\nOld serum,A2,,1\nUnknown,A3,,1\n16-pin cartridge,A4,01/2027,0\n';
    expect(() => readDeliveryFile(Buffer.from(text), catalogue, '2026-09-05')).toThrow(
      /Nothing was received: line 2: the expiry "2027-02-30".*line 3: "Old serum" is not a product.*line 4: "Unknown".*line 5: the quantity "0"/,
    );
    expect(() => readDeliveryFile(Buffer.from('name,lot\nx,y\n'), catalogue, '2026-09-05')).toThrow(/needs the columns product, quantity/);
  });
});
