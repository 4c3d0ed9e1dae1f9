import { z } from 'zod';

/**
 * A consent template is data, not code: the clinic edits it, publishing freezes it as a new
 * version, and a signed form points at the exact version it was signed on. Text is structured
 * (paragraphs, bullet lists, bold spans), never HTML, so a template file from elsewhere cannot
 * carry markup or script into the window or the PDF.
 */

/** Template and question ids: short slugs, stable across versions so answers stay comparable. */
export const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and dashes.');
export const PartId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and dashes.');

export const templateKinds = ['microneedling', 'photography', 'medical-history-update'] as const;
export const TemplateKind = z.enum(templateKinds);
export type TemplateKind = z.infer<typeof TemplateKind>;

export const TemplateVersion = z.object({ major: z.number().int().min(1).max(9999), minor: z.number().int().min(0).max(9999) }).strict();
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export function versionLabel(version: TemplateVersion): string {
  return `${version.major}.${version.minor}`;
}

// Not trimmed: the spaces between a plain and a bold span belong to the text.
const Words = z.string().min(1).max(2000);

/** A run of text, bold or not. */
export const RichSpan = z.object({ text: Words, bold: z.boolean().optional() }).strict();
export type RichSpan = z.infer<typeof RichSpan>;

export const RichBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), spans: z.array(RichSpan).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('bullets'), items: z.array(z.array(RichSpan).min(1).max(50)).min(1).max(50) }).strict(),
]);
export type RichBlock = z.infer<typeof RichBlock>;

const Label = z.string().trim().min(1).max(500);
const questionBase = { id: PartId, label: Label, required: z.boolean(), help: z.string().trim().max(1000).optional() };

export const Question = z.discriminatedUnion('kind', [
  z
    .object({
      ...questionBase,
      kind: z.literal('yes-no'),
      /** Asked when the answer is yes ("Which medicine?"); required then if `detailRequired`. */
      detailWhenYes: z.object({ label: Label, required: z.boolean() }).strict().optional(),
      /** The answer a practitioner should review before countersigning (a contraindication). */
      flagWhen: z.enum(['yes', 'no']).optional(),
      /**
       * A statement the client must agree to ("I consent to…", "I have read…"): agreement is
       * "yes", and a form with any other answer is a declined form, never a consent.
       */
      mustAgree: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      kind: z.literal('choice'),
      options: z
        .array(z.object({ id: PartId, label: Label }).strict())
        .min(2)
        .max(20),
    })
    .strict(),
  z.object({ ...questionBase, kind: z.literal('date') }).strict(),
  z.object({ ...questionBase, kind: z.literal('text'), multiline: z.boolean().optional(), maxLength: z.number().int().min(1).max(2000).optional() }).strict(),
]);
export type Question = z.infer<typeof Question>;

/** The four independent photography choices, each worded by the template. */
export const PhotographyBlock = z
  .object({
    clinicalRecord: Label,
    teaching: Label,
    marketingFaceVisible: Label,
    marketingFaceHidden: Label,
    /**
     * The clinical-record choice is what this form asks for (a photography consent): without it
     * no photo is taken, so a form that leaves it unticked is a declined form.
     */
    clinicalRecordMustAgree: z.boolean().optional(),
  })
  .strict();
export type PhotographyBlock = z.infer<typeof PhotographyBlock>;

export const TemplateSection = z
  .object({
    id: PartId,
    title: z.string().trim().min(1).max(200),
    body: z.array(RichBlock).max(60),
    questions: z.array(Question).max(60),
    /** The client initials this section once read (every risk section does). */
    initials: z.boolean(),
    /** Present on the section where the client makes their photography choices. */
    photography: PhotographyBlock.optional(),
  })
  .strict();
export type TemplateSection = z.infer<typeof TemplateSection>;

export const signerRoles = ['client', 'guardian', 'witness', 'practitioner'] as const;
export const SignerRole = z.enum(signerRoles);
export type SignerRole = z.infer<typeof SignerRole>;

/**
 * What each signer declares above their signature. The client signs, or a guardian signs for a
 * minor or a person who cannot consent (then with their name and relationship); the practitioner
 * always countersigns; a witness is optional.
 */
export const SignatureStatements = z
  .object({
    client: Label,
    guardian: Label,
    witness: Label,
    practitioner: Label,
  })
  .strict();
export type SignatureStatements = z.infer<typeof SignatureStatements>;

export const ConsentTemplateDraft = z
  .object({
    id: TemplateId,
    title: z.string().trim().min(1).max(200),
    kind: TemplateKind,
    /** One line under the title in the PDF and on screen. */
    summary: z.string().trim().max(500),
    sections: z.array(TemplateSection).min(1).max(40),
    signatures: SignatureStatements,
  })
  .strict()
  .superRefine((template, context) => {
    const seen = new Set<string>();
    const once = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) context.addIssue({ code: 'custom', path, message: `"${id}" is used twice in this template.` });
      seen.add(id);
    };
    template.sections.forEach((section, s) => {
      once(`section:${section.id}`, ['sections', s, 'id']);
      section.questions.forEach((question, q) => once(`question:${question.id}`, ['sections', s, 'questions', q, 'id']));
    });
    if (template.sections.filter((section) => section.photography).length > 1) {
      context.addIssue({ code: 'custom', path: ['sections'], message: 'Only one section can hold the photography choices.' });
    }
  });
export type ConsentTemplateDraft = z.infer<typeof ConsentTemplateDraft>;

/** A published, immutable template version. */
export const ConsentTemplate = z
  .object({
    version: TemplateVersion,
    /** ISO instant of publication; null for a built-in not yet stored. */
    publishedAt: z.string().max(40).nullable(),
    content: ConsentTemplateDraft,
  })
  .strict();
export type ConsentTemplate = z.infer<typeof ConsentTemplate>;

/** What an exported template file holds; import refuses anything else. */
export const TemplateFile = z.object({ format: z.literal('skinledger-consent-template'), formatVersion: z.literal(1), template: ConsentTemplateDraft }).strict();
export type TemplateFile = z.infer<typeof TemplateFile>;

export function allQuestions(template: ConsentTemplateDraft): Question[] {
  return template.sections.flatMap((section) => section.questions);
}

export function photographySection(template: ConsentTemplateDraft): TemplateSection | undefined {
  return template.sections.find((section) => section.photography);
}

/** The answers a practitioner reviews before countersigning (labels only, no health detail beyond the form). */
export function flaggedQuestions(template: ConsentTemplateDraft, answers: Record<string, unknown>): Question[] {
  return allQuestions(template).filter((question) => {
    if (question.kind !== 'yes-no' || !question.flagWhen) return false;
    const answer = answers[question.id] as { answer?: string } | null | undefined;
    return answer?.answer === question.flagWhen;
  });
}
