import { z } from 'zod';
import { Expiry } from '../clinical/expiry';
import { IsoDate } from '../dates';
import { writeOffReasons } from './stock-rules';

export const productCategories = ['cartridge', 'serum', 'topical', 'other'] as const;
export type ProductCategory = (typeof productCategories)[number];

const text = (max: number) => z.string().trim().max(max);
const Id = z.string().min(1).max(64);
/** Units on a shelf: whole, and never more than a clinic could hold. */
const Units = z.number().int().min(1, 'At least 1.').max(100_000);

/** A product the clinic stocks: a needle cartridge (make, model, pins, device) or a serum or topical (name, maker, size). */
export const ProductInput = z
  .object({
    category: z.enum(productCategories),
    name: z.string().trim().min(1, 'Name the product.').max(120),
    maker: text(80),
    model: text(80),
    /** Cartridges: pins or configuration ("16-pin", "nano"). */
    configuration: text(80),
    compatibleDevice: text(80),
    /** Serums and topicals: the pack size ("5 ml"). */
    size: text(40),
    /** Home warns below it; null when the clinic set none. */
    minimumOnHand: z.number().int().min(0).max(100_000).nullable(),
  })
  .strict();
export type ProductInput = z.infer<typeof ProductInput>;

export const StockProduct = ProductInput.extend({ id: z.string(), onHand: z.number(), archived: z.boolean() });
export type StockProduct = z.infer<typeof StockProduct>;

/** One line of a delivery: a product's lot, its expiry as printed, how many came, from whom and when. */
export const ReceiveLine = z
  .object({
    productId: Id,
    lot: z.string().trim().min(1, 'Enter the lot number.').max(60),
    expiry: Expiry.nullable(),
    quantity: Units,
    supplier: text(120),
    receivedOn: IsoDate,
  })
  .strict();
export type ReceiveLine = z.infer<typeof ReceiveLine>;

export const StockLot = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string(),
  category: z.enum(productCategories),
  lot: z.string(),
  expiry: z.string().nullable(),
  lastUsableDay: z.string().nullable(),
  onHand: z.number(),
  productArchived: z.boolean(),
});
export type StockLot = z.infer<typeof StockLot>;

export const WriteOffInput = z
  .object({ lotId: Id, quantity: Units, reason: z.enum(writeOffReasons), note: text(400) })
  .strict()
  .refine((input) => input.reason !== 'other' || input.note.length > 0, { path: ['note'], message: 'Say why the stock was written off.' });
export type WriteOffInput = z.infer<typeof WriteOffInput>;

export const StockCountInput = z.object({ lotId: Id, counted: z.number().int().min(0).max(100_000), note: text(400) }).strict();
export type StockCountInput = z.infer<typeof StockCountInput>;

/** What Home warns about: lots expiring soon, expired lots still on the shelf, products below their minimum. */
export const StockAlerts = z.object({
  today: z.string(),
  days: z.number(),
  expiringSoon: z.array(StockLot),
  expired: z.array(StockLot),
  belowMinimum: z.array(StockProduct),
});
export type StockAlerts = z.infer<typeof StockAlerts>;

/** One line of a lot's ledger, as the Stock page lists it. */
export const StockMovementView = z.object({
  seq: z.number(),
  kind: z.enum(['received', 'used', 'written-off', 'counted']),
  change: z.number(),
  reason: z.string().nullable(),
  note: z.string(),
  supplier: z.string(),
  receivedOn: z.string().nullable(),
  at: z.string(),
  byName: z.string(),
});
export type StockMovementView = z.infer<typeof StockMovementView>;
