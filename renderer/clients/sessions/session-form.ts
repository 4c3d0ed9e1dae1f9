import { z } from 'zod';
import type { AreaDepth } from '../../../shared/clinical/areas';
import { depthNeedsConfirmation } from '../../../shared/clinical/areas';
import { clinicalEndpoints, Lot, TreatedArea, type SessionRecord, type SessionRecordInput } from '../../../shared/clinical/session';
import { Expiry } from '../../../shared/clinical/expiry';
import { IsoDate } from '../../../shared/dates';
import { localIsoDate } from '../client-text';

const text = (max: number) => z.string().trim().max(max);
const optionalExpiry = Expiry.nullable();

/**
 * The session form's values: the shared SessionRecord as people fill it in (a local date and
 * time, empty strings for "not given"). `toRecord` turns it into what the contract carries; the
 * main side validates that again.
 */
export const SessionFormValues = z
  .object({
    // The date field hands on null (empty) or the text as typed when it is not a date.
    performedOn: z
      .string()
      .nullable()
      .refine((value) => value !== null && IsoDate.safeParse(value).success, 'sessionForm.errors.performedOn')
      .transform((value) => value ?? ''),
    performedTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'sessionForm.errors.performedTime'),
    courseId: z.string(),
    device: z.object({ kind: z.enum(['pen', 'roller']), make: text(80), model: text(80), settings: text(200) }),
    cartridge: z.object({ name: text(120), lot: text(60), expiry: optionalExpiry, stockLotId: z.string().nullable().default(null) }),
    anaesthetic: z.object({ product: text(120), appliedAt: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'sessionForm.errors.time') }),
    skinPrep: text(400),
    areas: z
      .array(TreatedArea)
      .max(30)
      .refine((areas) => areas.length > 0, 'sessionForm.errors.noAreas'),
    products: z.array(Lot).max(20),
    endpoint: z.enum(clinicalEndpoints),
    immediateReaction: text(1000),
    aftercareGiven: z.boolean(),
    notes: text(8000),
    reason: text(1000),
    /** An override: why an expired cartridge or product is used (asked only when one is). */
    expiredLotReason: text(1000),
  })
  .superRefine((values, context) => {
    const { name, lot } = values.cartridge;
    if (name && !lot) context.addIssue({ code: 'custom', path: ['cartridge', 'lot'], message: 'sessionForm.errors.cartridgeLot' });
    if (lot && !name) context.addIssue({ code: 'custom', path: ['cartridge', 'name'], message: 'sessionForm.errors.cartridgeName' });
  });
export type SessionFormValues = z.input<typeof SessionFormValues>;

/** "14:05": the time of day on this computer's clock, as the session form shows it. */
export function localTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The moment a session happened, from the day and time typed in this computer's time zone. */
export function performedMoment(performedOn: string, performedTime: string): Date {
  const [year, month, day] = performedOn.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = performedTime.split(':').map(Number) as [number, number];
  return new Date(year, month - 1, day, hours, minutes);
}

export function blankSession(courseId: string): SessionFormValues {
  return {
    performedOn: localIsoDate(new Date()),
    performedTime: localTime(new Date()),
    courseId,
    device: { kind: 'pen', make: '', model: '', settings: '' },
    cartridge: { name: '', lot: '', expiry: null, stockLotId: null },
    anaesthetic: { product: '', appliedAt: '' },
    skinPrep: '',
    areas: [],
    products: [],
    endpoint: 'even-erythema',
    immediateReaction: '',
    aftercareGiven: false,
    notes: '',
    reason: '',
    expiredLotReason: '',
  };
}

export function valuesOf(record: SessionRecord, courseId: string | null): SessionFormValues {
  return {
    performedOn: localIsoDate(new Date(record.performedAt)),
    performedTime: localTime(new Date(record.performedAt)),
    courseId: courseId ?? '',
    device: { ...record.device },
    cartridge: record.cartridge ? { ...record.cartridge } : { name: '', lot: '', expiry: null, stockLotId: null },
    anaesthetic: { product: record.anaesthetic.product, appliedAt: record.anaesthetic.appliedAt ?? '' },
    skinPrep: record.skinPrep,
    areas: record.areas.map((area) => ({ ...area })),
    products: record.products.map((product) => ({ ...product })),
    endpoint: record.endpoint,
    immediateReaction: record.immediateReaction,
    aftercareGiven: record.aftercareGiven,
    notes: record.notes,
    reason: '',
    expiredLotReason: '',
  };
}

export function toRecord(values: z.output<typeof SessionFormValues>): SessionRecordInput {
  const { name, lot, expiry, stockLotId } = values.cartridge;
  return {
    performedAt: performedMoment(values.performedOn, values.performedTime).toISOString(),
    device: values.device,
    cartridge: name || lot ? { name, lot, expiry, stockLotId } : null,
    anaesthetic: { product: values.anaesthetic.product, appliedAt: values.anaesthetic.appliedAt || null },
    skinPrep: values.skinPrep,
    areas: values.areas,
    products: values.products,
    endpoint: values.endpoint,
    immediateReaction: values.immediateReaction,
    aftercareGiven: values.aftercareGiven,
    notes: values.notes,
  };
}

/** Areas whose depth is above the clinic's maximum, with that maximum: the confirmation lists them. */
export function deepAreas(areas: readonly { area: AreaDepth['area']; depthMm: number }[], depths: readonly AreaDepth[]) {
  const byArea = new Map(depths.map((depth) => [depth.area, depth]));
  return areas.filter((area) => depthNeedsConfirmation(area.depthMm, byArea.get(area.area))).map((area) => ({ area: area.area, depthMm: area.depthMm, maxMm: byArea.get(area.area)?.maxMm ?? null }));
}

/** Whether the main side will change a session in place (recorded today, by its UTC calendar) or amend it. */
export function isSameDay(session: { createdAt: string }): boolean {
  return session.createdAt.slice(0, 10) === new Date().toISOString().slice(0, 10);
}
