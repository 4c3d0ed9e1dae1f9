import { z } from 'zod';
import { FilledForm, GuardianDetails } from '../consents/filled-form';
import { PhotographyChoices } from '../consents/photography';
import { ConsentTemplate, ConsentTemplateDraft, TemplateId, TemplateKind, TemplateVersion } from '../consents/template';
import { adminsOnly, clinicians, everyone, type Access } from './access';

const Id = z.string().min(1).max(64);
const Instant = z.string().max(40);

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

export const TemplateSummary = z.object({
  id: TemplateId,
  title: z.string(),
  kind: TemplateKind,
  latest: TemplateVersion,
  /** Every published version, newest first. */
  versions: z.array(z.object({ version: TemplateVersion, publishedAt: Instant, publishedByName: z.string(), note: z.string().nullable() })),
  builtIn: z.boolean(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

/**
 * A consent's standing: valid; stale (older than the clinic's validity period, a newer major
 * template version exists, or withdrawn); needed (never signed, or the client's latest form of
 * this kind was declined: staleReason 'declined'). Only 'valid' is consent. Reception sees only this.
 */
export const consentStates = ['valid', 'stale', 'needed'] as const;
export const ConsentState = z.enum(consentStates);
export type ConsentState = z.infer<typeof ConsentState>;

export const staleReasons = ['expired', 'new-major-version', 'withdrawn', 'declined'] as const;

export const KindStatus = z.object({
  kind: TemplateKind,
  state: ConsentState,
  /** Why a signed consent no longer counts; 'declined' with state 'needed' when the latest form was refused; else null. */
  staleReason: z.enum(staleReasons).nullable(),
  /** When the form that decides this status was signed (a declined form too); null: none. */
  signedAt: Instant.nullable(),
  validUntil: z.string().max(10).nullable(),
});
export type KindStatus = z.infer<typeof KindStatus>;

export const ConsentStatus = z.object({
  clientId: Id,
  /** The treatment consent: what the profile header and session start look at. */
  microneedling: KindStatus,
  photography: KindStatus,
});
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const withdrawableParts = ['consent', 'clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const;
export const WithdrawablePart = z.enum(withdrawableParts);
export type WithdrawablePart = z.infer<typeof WithdrawablePart>;

export const WithdrawalView = z.object({
  id: Id,
  consentId: Id,
  withdrawnAt: Instant,
  recordedByName: z.string(),
  /** 'consent' withdraws the whole consent; the others turn off one photography choice. */
  parts: z.array(WithdrawablePart),
  note: z.string(),
});
export type WithdrawalView = z.infer<typeof WithdrawalView>;

export const SignerView = z.object({ role: z.enum(['client', 'guardian', 'witness', 'practitioner']), name: z.string(), signedAt: Instant });

export const ConsentSummary = z.object({
  id: Id,
  clientId: Id,
  templateId: TemplateId,
  title: z.string(),
  kind: TemplateKind,
  /** The exact version this consent was signed on (never the latest). */
  version: TemplateVersion,
  signedAt: Instant,
  signers: z.array(SignerView),
  guardian: GuardianDetails.nullable(),
  /** 'declined': the client refused a must-agree statement; the form is evidence, never consent. */
  state: z.enum(['valid', 'stale', 'declined']),
  staleReason: z.enum(staleReasons).nullable(),
  validUntil: z.string().max(10),
  /** The must-agree statements the client did not agree to (labels); empty unless declined. */
  refusedStatements: z.array(z.string()),
  /** The choices as signed (null when the template has no photography part). */
  photography: PhotographyChoices.nullable(),
  withdrawals: z.array(WithdrawalView),
  /** Answers a practitioner reviewed when countersigning (question labels only). */
  flaggedQuestions: z.array(z.string()),
  pdfSha256: z.string(),
  /** Short hash of the canonical form data, as printed on the PDF's verification line. */
  formHashShort: z.string(),
  sessionId: Id.nullable(),
});
export type ConsentSummary = z.infer<typeof ConsentSummary>;

export const ConsentList = z.object({
  consents: z.array(ConsentSummary),
  status: ConsentStatus,
  /** What is in force for photos now: latest photography choices minus withdrawals (nothing after a declined form); null if none signed. */
  photographyInForce: PhotographyChoices.nullable(),
});
export type ConsentList = z.infer<typeof ConsentList>;

export const ConsentSettings = z.object({ validityMonths: z.number().int().min(1, 'At least 1 month.').max(120, 'At most 120 months.') }).strict();
export type ConsentSettings = z.infer<typeof ConsentSettings>;

const Saved = z.object({ saved: z.boolean() });

/**
 * Consent templates, signing, signed PDFs.
 *
 * Roles: reception gets `consents.status` only (valid / stale / needed, dates; no answers, no
 * PDF, no choices), so the front desk can tell a client a form is due. Everything showing a
 * consent's content, and signing, is for clinicians; templates are edited by admins.
 */
export const consentChannels = {
  'consentTemplates.list': channel({ input: z.object({}).strict(), output: z.array(TemplateSummary), access: clinicians }),
  'consentTemplates.get': channel({
    input: z.object({ templateId: TemplateId, version: TemplateVersion.nullable() }).strict(),
    output: ConsentTemplate,
    access: clinicians,
  }),
  /** Saves an edited template as a new immutable version: major makes earlier consents stale. */
  'consentTemplates.publish': channel({
    input: z.object({ template: ConsentTemplateDraft, change: z.enum(['major', 'minor']) }).strict(),
    output: ConsentTemplate,
    access: adminsOnly,
  }),
  'consentTemplates.exportJson': channel({
    input: z.object({ templateId: TemplateId, version: TemplateVersion.nullable() }).strict(),
    output: Saved,
    access: adminsOnly,
  }),
  /** Reads a template file the admin picks; returns it as a draft to review and publish (null: cancelled). */
  'consentTemplates.importJson': channel({
    input: z.object({}).strict(),
    output: z.object({ draft: ConsentTemplateDraft.nullable() }),
    access: adminsOnly,
  }),

  'consents.status': channel({ input: z.object({ clientId: Id }).strict(), output: ConsentStatus, access: everyone }),
  'consents.listForClient': channel({ input: z.object({ clientId: Id }).strict(), output: ConsentList, access: clinicians }),
  /**
   * Stores a complete signed form: the client's (or guardian's) part and the practitioner's
   * countersignature together, with the PDF made from it. The practitioner is the signed-in
   * member of staff; time and device are recorded by main.
   */
  'consents.sign': channel({
    input: z.object({ clientId: Id, sessionId: Id.nullable(), form: FilledForm }).strict(),
    output: ConsentSummary,
    access: clinicians,
  }),
  'consents.withdraw': channel({
    input: z
      .object({
        consentId: Id,
        parts: z.array(WithdrawablePart).min(1, 'Choose what is withdrawn.').max(5),
        note: z.string().trim().max(500),
      })
      .strict(),
    output: ConsentSummary,
    access: clinicians,
  }),
  'consents.pdf': channel({
    input: z.object({ consentId: Id }).strict(),
    output: z.object({ bytes: z.instanceof(Uint8Array), fileName: z.string() }),
    access: clinicians,
  }),
  /** Sends the stored PDF (and, for a session consent, the aftercare sheet) to the print dialog. */
  'consents.print': channel({
    input: z.object({ consentId: Id, withAftercare: z.boolean() }).strict(),
    output: z.object({ printed: z.boolean() }),
    access: clinicians,
  }),
  /** The aftercare sheet alone, for the client in front of the practitioner, to the print dialog. */
  'consents.printAftercare': channel({
    input: z.object({ clientId: Id }).strict(),
    output: z.object({ printed: z.boolean() }),
    access: clinicians,
  }),
  'consents.savePdf': channel({ input: z.object({ consentId: Id }).strict(), output: Saved, access: clinicians }),
  'consents.settings.get': channel({ input: z.object({}).strict(), output: ConsentSettings, access: everyone }),
  'consents.settings.update': channel({ input: ConsentSettings, output: ConsentSettings, access: adminsOnly }),
} as const;
