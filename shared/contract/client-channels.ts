import { z } from 'zod';
import { Client, ClientInput, ClientSummary } from '../clients/client';
import { IsoDate } from '../dates';
import { AreaDepthView, CourseView, LotUseView, MedicalHistoryEntryView, OverdueCourseView, ScreeningOverrideView, ScreeningStateView, TreatmentSessionView } from '../clinical/records';
import { NoteSnippet, NoteSnippetList } from '../clinical/note-snippets';
import { CourseInput, SessionRecord, courseStatuses, overrideReasonMax } from '../clinical/session';
import { CarriedForward, MedicalHistoryAnswers } from '../screening/medical-history';
import { adminsOnly, clinicians, everyone, type Access } from './access';

const Id = z.string().min(1).max(64);
/** A practitioner's reason for an override: kept with the session and shown with it. */
const OverrideReason = z.string().trim().min(5, 'Give the reason for the override.').max(overrideReasonMax);

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

/** Today's screening as screens show it: the override names who recorded it, not just their id. */
export const ScreeningState = ScreeningStateView.extend({
  override: ScreeningOverrideView.extend({ overriddenByName: z.string() }).nullable(),
});
export type ScreeningState = z.infer<typeof ScreeningState>;

export const ClientProfile = z.object({
  client: Client,
  age: z.number().nullable(),
  /** Null for roles that may not see health data (reception). */
  screening: ScreeningState.nullable(),
  courses: z.array(CourseView),
  /** Newest first; null for reception, like the screening. Read with the profile: one audited read. */
  sessions: z.array(TreatmentSessionView).nullable(),
  medicalHistory: z.array(MedicalHistoryEntryView).nullable(),
});
export type ClientProfile = z.infer<typeof ClientProfile>;

/**
 * The fields of a client record that are clinical: reception never receives them and cannot send
 * them (the role matrix test looks for these names, at any depth, in what reception receives).
 */
export const clinicalClientFields = ['gp', 'fitzpatrick', 'concerns', 'notes'] as const;

/** Who the client is and how to reach them: what reception reads and edits. */
export const clientContactFields = [
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'pronouns',
  'sex',
  'phone',
  'email',
  'address',
  'emergencyContact',
  'referralSource',
  'marketingConsent',
] as const;
export type ClientContactField = (typeof clientContactFields)[number];

const contactKeys = {
  firstName: true,
  lastName: true,
  preferredName: true,
  dateOfBirth: true,
  pronouns: true,
  sex: true,
  phone: true,
  email: true,
  address: true,
  emergencyContact: true,
  referralSource: true,
  marketingConsent: true,
} as const satisfies Record<ClientContactField, true>;

/** A client as reception sees them: identity and contact details, no clinical field at all. */
export const ClientContact = Client.pick({ ...contactKeys, id: true, archived: true, createdAt: true, updatedAt: true });
export type ClientContact = z.infer<typeof ClientContact>;

/** A new client registered at the front desk: contact details only (strict: a clinical field is refused). */
export const ClientContactInput = ClientInput.pick(contactKeys);
export type ClientContactInput = z.input<typeof ClientContactInput>;

/**
 * A change to contact details: only the fields sent are changed, the rest of the record (and
 * every clinical field) is left as it is. Strict, so a clinical field sent here is refused, not
 * dropped. Built without the form's defaults, which would otherwise fill the fields not sent.
 */
const input = ClientInput.shape;
export const ClientContactPatch = z.strictObject(
  {
    firstName: input.firstName.optional(),
    lastName: input.lastName.optional(),
    preferredName: input.preferredName.unwrap().optional(),
    dateOfBirth: input.dateOfBirth.unwrap().optional(),
    pronouns: input.pronouns.unwrap().optional(),
    sex: input.sex.unwrap().optional(),
    phone: input.phone.unwrap().optional(),
    email: input.email.unwrap().optional(),
    address: input.address.unwrap().optional(),
    emergencyContact: input.emergencyContact.unwrap().optional(),
    referralSource: input.referralSource.unwrap().optional(),
    marketingConsent: input.marketingConsent.unwrap().optional(),
  } satisfies Record<ClientContactField, z.ZodType>,
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Only contact details are changed here; clinical details are not accepted.' : undefined) },
);
export type ClientContactPatch = z.input<typeof ClientContactPatch>;

/** A course as reception sees it, for booking: its plan and progress, without the clinical notes. */
export const CourseBooking = CourseView.omit({ notes: true });
export type CourseBooking = z.infer<typeof CourseBooking>;

/** The profile reception opens: contact details, age (for a minor's booking) and courses. */
export const ClientContactProfile = z.object({
  client: ClientContact,
  age: z.number().nullable(),
  courses: z.array(CourseBooking),
});
export type ClientContactProfile = z.infer<typeof ClientContactProfile>;

/**
 * Client records, medical history, courses and sessions. Reception books and registers clients;
 * only clinicians read or write health data (history, sessions, notes). Reception reads and
 * changes a client through the contact channels, whose schemas hold no clinical field; the whole
 * record (profile, create, update) is for clinicians.
 */
export const clientChannels = {
  'clients.find': channel({
    input: z
      .object({
        text: z.string().max(200),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(500),
        includeArchived: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ total: z.number(), clients: z.array(ClientSummary) }),
    access: everyone,
  }),
  'clients.recent': channel({ input: z.object({ limit: z.number().int().min(1).max(50) }).strict(), output: z.array(ClientSummary), access: everyone }),
  'clients.profile': channel({ input: z.object({ id: Id }).strict(), output: ClientProfile, access: clinicians }),
  'clients.contact': channel({ input: z.object({ id: Id }).strict(), output: ClientContactProfile, access: everyone }),
  'clients.possibleDuplicates': channel({
    input: z
      .object({
        firstName: z.string().max(100),
        lastName: z.string().max(100),
        dateOfBirth: IsoDate.nullable(),
        phone: z.string().max(40),
        email: z.string().max(200),
        exceptId: Id.nullable(),
      })
      .strict(),
    output: z.array(z.object({ client: ClientSummary, reason: z.enum(['name-and-birth', 'phone', 'email']) })),
    access: everyone,
  }),
  'clients.create': channel({
    /** `dateOfBirthConfirmed`: the form asked "is that right?" about an age under 1 or over 110, and it was. */
    input: z.object({ fields: ClientInput, allowDuplicate: z.boolean(), dateOfBirthConfirmed: z.boolean().default(false) }).strict(),
    output: Client,
    access: clinicians,
  }),
  /** The whole record, every field replaced: the clinicians' edit form sends all of them. */
  'clients.update': channel({ input: z.object({ id: Id, fields: ClientInput, dateOfBirthConfirmed: z.boolean().default(false) }).strict(), output: Client, access: clinicians }),
  /** A new client from the front desk: contact details only. */
  'clients.register': channel({
    input: z.object({ fields: ClientContactInput, allowDuplicate: z.boolean(), dateOfBirthConfirmed: z.boolean().default(false) }).strict(),
    output: ClientContact,
    access: everyone,
  }),
  /** Changes only the contact fields sent; clinical fields are refused and never touched. */
  'clients.updateContact': channel({
    input: z.object({ id: Id, fields: ClientContactPatch, dateOfBirthConfirmed: z.boolean().default(false) }).strict(),
    output: ClientContact,
    access: everyone,
  }),
  'clients.setArchived': channel({ input: z.object({ id: Id, archived: z.boolean() }).strict(), output: Client, access: clinicians }),

  'medicalHistory.list': channel({ input: z.object({ clientId: Id }).strict(), output: z.array(MedicalHistoryEntryView), access: clinicians }),
  /** One answer set on paper (unanswered printed as unanswered), to the print dialog; audited. */
  'medicalHistory.print': channel({ input: z.object({ clientId: Id, entryId: Id }).strict(), output: z.object({ printed: z.boolean() }), access: clinicians }),
  'medicalHistory.savePdf': channel({ input: z.object({ clientId: Id, entryId: Id }).strict(), output: z.object({ saved: z.boolean() }), access: clinicians }),
  'medicalHistory.record': channel({
    /** `confirmed`: answers carried forward from the latest entry and confirmed with the client today. */
    input: z.object({ clientId: Id, answers: MedicalHistoryAnswers, confirmed: CarriedForward.nullable().default(null) }).strict(),
    output: MedicalHistoryEntryView,
    access: clinicians,
  }),
  'screening.override': channel({
    input: z.object({ clientId: Id, reason: z.string().trim().min(5, 'Give the reason for treating despite the alert.').max(1000) }).strict(),
    output: ScreeningState,
    access: clinicians,
  }),

  'courses.create': channel({ input: z.object({ clientId: Id, course: CourseInput }).strict(), output: CourseView, access: clinicians }),
  'courses.setStatus': channel({ input: z.object({ id: Id, status: z.enum(courseStatuses) }).strict(), output: CourseView, access: clinicians }),
  'courses.overdue': channel({ input: z.object({ limit: z.number().int().min(1).max(200) }).strict(), output: z.array(OverdueCourseView.omit({ notes: true })), access: everyone }),

  'sessions.list': channel({ input: z.object({ clientId: Id }).strict(), output: z.array(TreatmentSessionView), access: clinicians }),
  'sessions.record': channel({
    input: z
      .object({
        clientId: Id,
        courseId: Id.nullable(),
        record: SessionRecord,
        depthsConfirmed: z.boolean(),
        /** An override: why the session goes ahead without a valid treatment consent on its day. */
        noConsentReason: OverrideReason.nullable().optional(),
        /** An override: why an expired cartridge or product was used. */
        expiredLotReason: OverrideReason.nullable().optional(),
      })
      .strict(),
    output: TreatmentSessionView,
    access: clinicians,
  }),
  'sessions.change': channel({
    input: z
      .object({
        id: Id,
        record: SessionRecord,
        reason: z.string().trim().max(1000).nullable(),
        depthsConfirmed: z.boolean(),
        expiredLotReason: OverrideReason.nullable().optional(),
      })
      .strict(),
    output: TreatmentSessionView,
    access: clinicians,
  }),
  'sessions.findByLot': channel({ input: z.object({ lot: z.string().trim().min(1).max(60) }).strict(), output: z.array(LotUseView), access: clinicians }),
  /** The session on paper (with its consent and exceptions) to the print dialog; audited. */
  'sessions.print': channel({ input: z.object({ id: Id }).strict(), output: z.object({ printed: z.boolean() }), access: clinicians }),
  /** The same PDF saved where the user chooses (a copy for the client); audited. */
  'sessions.savePdf': channel({ input: z.object({ id: Id }).strict(), output: z.object({ saved: z.boolean() }), access: clinicians }),
  /** The recall list was saved as a file (contact details leave the app): audited. */
  'sessions.recallExported': channel({
    input: z.object({ lot: z.string().trim().min(1).max(60), rows: z.number().int().min(0).max(1_000_000) }).strict(),
    output: z.object({}),
    access: clinicians,
  }),

  'areaDepths.list': channel({ input: z.object({}).strict(), output: z.array(AreaDepthView), access: clinicians }),
  'areaDepths.set': channel({ input: AreaDepthView.strict(), output: z.array(AreaDepthView), access: adminsOnly }),

  /** The clinic's note shortcuts; empty until the clinic makes its own (the screen then offers the standard set). */
  'noteSnippets.list': channel({ input: z.object({}).strict(), output: z.array(NoteSnippet), access: clinicians }),
  'noteSnippets.replace': channel({ input: z.object({ snippets: NoteSnippetList }).strict(), output: z.array(NoteSnippet), access: adminsOnly }),
} as const;
