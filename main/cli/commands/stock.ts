import { readFileSync } from 'node:fs';
import { contract } from '../../../shared/contract';
import { lastUsableDay } from '../../../shared/clinical/expiry';
import { windowEnd } from '../../../shared/stock/stock-rules';
import { readDeliveryFile } from '../../stock/delivery-file';
import { CliFailure, requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * Lots on hand, earliest expiry first: one a line, last usable day, product, lot, expiry as
 * printed, on hand, lot id. With --expiring DAYS only those usable for at most that many more
 * days (expired ones included), as Home warns about.
 */
export const stockListCommand: CliCommand = {
  words: ['stock', 'list'],
  summary: 'Lots on hand, earliest expiry first: last usable day, product, lot, expiry, on hand, lot id.',
  flags: [dataFlag, userFlag, { name: 'expiring', placeholder: 'DAYS', summary: 'Only lots expired or expiring within DAYS days.', required: false }],
  async run(context) {
    const expiring = context.flags.expiring;
    if (expiring !== undefined && !/^\d{1,4}$/.test(expiring)) throw new CliFailure('--expiring takes a whole number of days, like 30.');
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['stock.lots'].access,
      command: 'stock list',
    });
    try {
      const end = expiring === undefined ? null : windowEnd(session.services.clock.now().toISOString().slice(0, 10), Number(expiring));
      const lots = session.services.stock.lots({ onHandOnly: true }).filter((lot) => end === null || (lot.expiry !== null && lastUsableDay(lot.expiry) <= end));
      for (const lot of lots) context.io.out([lot.lastUsableDay ?? '', lot.productName, lot.lot, lot.expiry ?? '', String(lot.onHand), lot.id].join('\t'));
      if (lots.length === 0) context.io.err(end ? `No lot on hand expires by ${end}.` : 'No stock on hand.');
    } finally {
      session.close();
    }
  },
};

/** A delivery note saved as CSV (product, lot, expiry, quantity, supplier, received), received in one go. */
export const stockReceiveCommand: CliCommand = {
  words: ['stock', 'receive'],
  summary: 'Receive a delivery from a CSV file (columns product, lot, expiry, quantity, supplier, received); all lines or none.',
  flags: [dataFlag, userFlag, { name: 'file', placeholder: 'DELIVERY.csv', summary: 'The delivery note as CSV; products named as in the catalogue.', required: true }],
  async run(context) {
    const path = requiredFlag(context, 'file');
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new CliFailure('The delivery file cannot be read. Check the path.');
    }
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['stock.receive'].access,
      command: 'stock receive',
    });
    try {
      const lines = readDeliveryFile(bytes, session.services.stock.products(), session.services.clock.now().toISOString().slice(0, 10));
      const lots = session.services.stock.receive(session.staff.id, lines);
      const units = lines.reduce((total, line) => total + line.quantity, 0);
      context.io.out(`Received ${lines.length} ${lines.length === 1 ? 'line' : 'lines'} (${units} units) into ${lots.length} ${lots.length === 1 ? 'lot' : 'lots'}.`);
    } finally {
      session.close();
    }
  },
};
