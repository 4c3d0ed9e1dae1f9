import { z } from 'zod';
import { DateOfBirth } from './date-of-birth';

export const skinConcerns = ['acne-scarring', 'fine-lines-wrinkles', 'stretch-marks', 'pigmentation', 'texture-pores', 'other'] as const;
export const SkinConcern = z.enum(skinConcerns);
export type SkinConcern = z.infer<typeof SkinConcern>;

export const fitzpatrickTypes = [1, 2, 3, 4, 5, 6] as const;

/** The longest address and notes a client record keeps; the form counts down to them. */
export const clientAddressMax = 400;
export const clientNotesMax = 4000;

const optionalText = (max: number) => z.string().trim().max(max).default('');

/** A client as the front desk records them. Names in any script; nothing but a name is required. */
export const ClientInput = z
  .object({
    firstName: z.string().trim().min(1, 'Enter a first name.').max(100),
    lastName: z.string().trim().min(1, 'Enter a last name.').max(100),
    preferredName: optionalText(100),
    dateOfBirth: DateOfBirth.nullable().default(null),
    pronouns: optionalText(40),
    sex: z.enum(['', 'female', 'male', 'intersex', 'not-stated']).default(''),
    phone: optionalText(40),
    email: z.union([z.literal(''), z.string().trim().email('Enter a valid email address.').max(200)]).default(''),
    address: optionalText(clientAddressMax),
    emergencyContact: optionalText(200),
    gp: optionalText(200),
    referralSource: optionalText(100),
    fitzpatrick: z.number().int().min(1).max(6).nullable().default(null),
    concerns: z.array(SkinConcern).max(skinConcerns.length).default([]),
    marketingConsent: z.boolean().default(false),
    notes: optionalText(clientNotesMax),
  })
  .strict();
export type ClientInput = z.input<typeof ClientInput>;
export type ClientFields = z.output<typeof ClientInput>;

export const Client = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string(),
  dateOfBirth: z.string().nullable(),
  pronouns: z.string(),
  sex: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  emergencyContact: z.string(),
  gp: z.string(),
  referralSource: z.string(),
  fitzpatrick: z.number().nullable(),
  concerns: z.array(SkinConcern),
  marketingConsent: z.boolean(),
  notes: z.string(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof Client>;

/** One line of a search result or list: enough to pick the right person, no health data. */
export const ClientSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string(),
  dateOfBirth: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  archived: z.boolean(),
});
export type ClientSummary = z.infer<typeof ClientSummary>;

/** Age in whole years on a given day, from an ISO date of birth. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The editable fields of a stored client, as the edit form starts from them. */
export function clientInputOf(client: Client): ClientFields {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    preferredName: client.preferredName,
    dateOfBirth: client.dateOfBirth,
    pronouns: client.pronouns,
    sex: client.sex as ClientFields['sex'],
    phone: client.phone,
    email: client.email,
    address: client.address,
    emergencyContact: client.emergencyContact,
    gp: client.gp,
    referralSource: client.referralSource,
    fitzpatrick: client.fitzpatrick,
    concerns: client.concerns,
    marketingConsent: client.marketingConsent,
    notes: client.notes,
  };
}

/** "Zoë Nguyễn": first name then last name, as the clinic writes them (on paper and in exports). */
export function clientFullName(client: { firstName: string; lastName: string }): string {
  return `${client.firstName} ${client.lastName}`.trim();
}
