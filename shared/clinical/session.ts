import { z } from 'zod';
import { IsoDate } from '../dates';
import { treatmentAreas } from './areas';
import { Expiry } from './expiry';

/** Longest session texts (characters); the form counts towards them at the field. */
export const sessionNotesMax = 8000;
export const sessionReactionMax = 1000;
/** Longest reason for an override or an amendment, as the contract takes it. */
export const overrideReasonMax = 1000;

const text = (max: number) => z.string().trim().max(max).default('');

export const Lot = z
  .object({
    name: z.string().trim().min(1, 'Name the product.').max(120),
    lot: z.string().trim().min(1, 'Enter the lot number.').max(60),
    /** As the pack prints it: a full date, or a month (YYYY-MM, good to its end). */
    expiry: Expiry.nullable().default(null),
    /**
     * The catalogue lot it was picked from (its use took one off the shelf with the session);
     * null when typed by hand for a product not in the catalogue, and for sessions from before.
     */
    stockLotId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export type Lot = z.infer<typeof Lot>;

export const TreatedArea = z
  .object({
    area: z.enum(treatmentAreas),
    depthMm: z.number().min(0.1, 'At least 0.1 mm.').max(3, 'At most 3 mm.'),
    passes: z.number().int().min(1).max(20),
  })
  .strict();
export type TreatedArea = z.infer<typeof TreatedArea>;

export const clinicalEndpoints = ['even-erythema', 'pinpoint-bleeding', 'other'] as const;

/** Everything recorded about one treatment, as the session form captures it. */
export const SessionRecord = z
  .object({
    performedAt: z.string().datetime({ offset: true, message: 'Enter the date and time of the session.' }),
    device: z
      .object({
        kind: z.enum(['pen', 'roller']),
        make: text(80),
        model: text(80),
        settings: text(200),
      })
      .strict(),
    cartridge: Lot.nullable().default(null),
    anaesthetic: z
      .object({
        product: text(120),
        appliedAt: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.')
          .nullable()
          .default(null),
      })
      .strict(),
    skinPrep: text(400),
    areas: z.array(TreatedArea).min(1, 'Choose at least one area on the map.').max(30),
    products: z.array(Lot).max(20).default([]),
    endpoint: z.enum(clinicalEndpoints),
    immediateReaction: text(sessionReactionMax),
    aftercareGiven: z.boolean(),
    notes: text(sessionNotesMax),
  })
  .strict();
export type SessionRecordInput = z.input<typeof SessionRecord>;
export type SessionRecord = z.output<typeof SessionRecord>;

export const CourseInput = z
  .object({
    indication: z.string().trim().min(1, 'Choose what the course treats.').max(120),
    plannedSessions: z.number().int().min(1).max(50),
    intervalWeeks: z.number().int().min(1).max(52),
    startedOn: IsoDate,
    notes: text(2000),
  })
  .strict();
export type CourseInput = z.input<typeof CourseInput>;

export const courseStatuses = ['active', 'completed', 'stopped'] as const;
