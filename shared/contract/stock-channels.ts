import { z } from 'zod';
import { ProductInput, ReceiveLine, StockAlerts, StockCountInput, StockLot, StockMovementView, StockProduct, WriteOffInput } from '../stock/stock';
import { clinicians, type Access } from './access';

const Id = z.string().min(1).max(64);

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

/**
 * The clinic's stock: catalogue, deliveries, lots on hand, write-offs and counts. Admins and
 * practitioners keep it (they are the ones at the shelf and the chair); reception has none.
 */
export const stockChannels = {
  'stock.products': channel({ input: z.object({ includeArchived: z.boolean() }).strict(), output: z.array(StockProduct), access: clinicians }),
  'stock.addProduct': channel({ input: z.object({ product: ProductInput }).strict(), output: StockProduct, access: clinicians }),
  'stock.updateProduct': channel({ input: z.object({ id: Id, product: ProductInput }).strict(), output: StockProduct, access: clinicians }),
  'stock.setArchived': channel({ input: z.object({ id: Id, archived: z.boolean() }).strict(), output: StockProduct, access: clinicians }),
  /** A delivery: one line or many, received in one transaction. */
  'stock.receive': channel({ input: z.object({ lines: z.array(ReceiveLine).min(1).max(200) }).strict(), output: z.array(StockLot), access: clinicians }),
  /** Lots, earliest expiry first; the session form asks for those on hand. */
  'stock.lots': channel({ input: z.object({ onHandOnly: z.boolean() }).strict(), output: z.array(StockLot), access: clinicians }),
  'stock.movements': channel({ input: z.object({ lotId: Id }).strict(), output: z.array(StockMovementView), access: clinicians }),
  'stock.writeOff': channel({ input: WriteOffInput, output: StockLot, access: clinicians }),
  'stock.count': channel({ input: StockCountInput, output: StockLot, access: clinicians }),
  /** The catalogue's lots with a lot number as a recall notice prints it (case, spaces and dashes ignored). */
  'stock.lotsNamed': channel({ input: z.object({ lot: z.string().trim().min(1).max(60) }).strict(), output: z.array(StockLot), access: clinicians }),
  /** A maker's recall: all of the lot still on hand written off as recalled. */
  'stock.writeOffRecalled': channel({ input: z.object({ lotId: Id, note: z.string().trim().max(400) }).strict(), output: StockLot, access: clinicians }),
  /** The stock report as CSV text (on hand, expiring, used per month); audited. */
  'stock.report': channel({ input: z.object({}).strict(), output: z.object({ csv: z.string() }), access: clinicians }),
  /** Home's card: lots expiring within 30 days, expired lots on hand, products below minimum. */
  'stock.alerts': channel({ input: z.object({}).strict(), output: StockAlerts, access: clinicians }),
} as const;
