import type { ChannelInput } from '../../../../shared/contract';
import type { stockChannels } from '../../../../shared/contract/stock-channels';

const product = { category: 'serum', name: 'Trust serum', maker: 'Trust', model: '', configuration: '', compatibleDevice: '', size: '5 ml', minimumOnHand: 2 } as const;

/** One valid input per stock channel (see channel-samples.ts); lot ids that do not exist are refused by the handler. */
export function stockSamples(): { [C in keyof typeof stockChannels]: ChannelInput<C> } {
  return {
    'stock.products': { includeArchived: true },
    'stock.addProduct': { product },
    'stock.updateProduct': { id: 'no-such-product', product },
    'stock.setArchived': { id: 'no-such-product', archived: true },
    'stock.receive': { lines: [{ productId: 'no-such-product', lot: 'LOT-42', expiry: '2027-01', quantity: 1, supplier: '', receivedOn: '2026-01-01' }] },
    'stock.lots': { onHandOnly: true },
    'stock.movements': { lotId: 'no-such-lot' },
    'stock.writeOff': { lotId: 'no-such-lot', quantity: 1, reason: 'damaged', note: '' },
    'stock.count': { lotId: 'no-such-lot', counted: 1, note: '' },
    'stock.lotsNamed': { lot: 'LOT-42' },
    'stock.writeOffRecalled': { lotId: 'no-such-lot', note: 'Maker recall notice' },
    'stock.report': {},
    'stock.alerts': {},
  };
}
