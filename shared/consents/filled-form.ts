import { z } from 'zod';
import { IsoDate } from '../dates';
import { PhotographyChoices } from './photography';
import { Ink, inkProblem } from './ink';
import { PartId, TemplateId, TemplateVersion, type ConsentTemplateDraft, type Question } from './template';

/**
 * A filled-in consent form as it crosses the bridge, and the schema a template derives for it.
 * The generic shapes below only bound sizes; `signedFormSchema(template)` is what decides whether
 * a form is complete (the renderer uses it with react-hook-form, main checks it again on signing).
 */

export const YesNoAnswer = z.object({ answer: z.enum(['yes', 'no']).nullable(), detail: z.string().max(1000) }).strict();
export type YesNoAnswer = z.infer<typeof YesNoAnswer>;

/** yes-no → YesNoAnswer; choice → option id; date → YYYY-MM-DD; text → the text; null = not answered. */
export const AnswerValue = z.union([YesNoAnswer, z.string().max(2000), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answers = z.record(PartId, AnswerValue).refine((answers) => Object.keys(answers).length <= 300, 'Too many answers.');
export type Answers = z.infer<typeof Answers>;

export const guardianReasons = ['minor', 'cannot-consent'] as const;
export const GuardianDetails = z
  .object({
    name: z.string().trim().min(1, "Enter the guardian's name.").max(120),
    relationship: z.string().trim().min(1, 'Enter their relationship to the client.').max(80),
    reason: z.enum(guardianReasons),
  })
  .strict();
export type GuardianDetails = z.infer<typeof GuardianDetails>;

/** When a signature was drawn, as the window saw it; main keeps it only if it is plausible. */
const DrawnAt = z.string().datetime({ offset: true }).nullable();

export const DrawnSignature = z.object({ ink: Ink, drawnAt: DrawnAt }).strict();
export type DrawnSignature = z.infer<typeof DrawnSignature>;

export const WitnessSignature = z.object({ name: z.string().trim().min(1, "Enter the witness's name.").max(120), ink: Ink, drawnAt: DrawnAt }).strict();
export type WitnessSignature = z.infer<typeof WitnessSignature>;

/**
 * Everything signed in one go. The practitioner's countersignature is part of the same form, so
 * a form the client signed but nobody countersigned never becomes a stored (valid) consent: it
 * lives only on screen until the practitioner signs and the whole form is sent.
 */
export const FilledForm = z
  .object({
    templateId: TemplateId,
    templateVersion: TemplateVersion,
    answers: Answers,
    /** Section id → the client's (or guardian's) initials. */
    initials: z.record(PartId, Ink).refine((initials) => Object.keys(initials).length <= 60, 'Too many initials.'),
    photography: PhotographyChoices.nullable(),
    guardian: GuardianDetails.nullable(),
    signatures: z
      .object({
        client: DrawnSignature.nullable(),
        guardian: DrawnSignature.nullable(),
        witness: WitnessSignature.nullable(),
        practitioner: DrawnSignature,
      })
      .strict(),
  })
  .strict();
export type FilledForm = z.infer<typeof FilledForm>;

/** What the client's part of the form is, before the practitioner countersigns. */
export type ClientPart = Omit<FilledForm, 'signatures'> & { signatures: Omit<FilledForm['signatures'], 'practitioner'> };

export interface FormRules {
  /** The client is under 18 on the day: a guardian must sign for them. */
  guardianRequired: boolean;
}

export const formMessages = {
  yesNo: 'Answer yes or no.',
  detail: 'Give the details.',
  choose: 'Choose one.',
  date: 'Enter a date.',
  text: 'This answer is needed.',
  initials: 'Initial this section.',
  signature: 'Sign here. A dot or a short line is not enough.',
  clientSignature: 'The client signs here.',
  guardian: 'A guardian signs for a client under 18.',
  guardianSignature: 'The guardian signs here.',
  witnessSignature: 'The witness signs here.',
  photography: 'Make the photography choices.',
  wrongTemplate: 'This form belongs to a different template.',
} as const;

function answerSchema(question: Question): z.ZodType<AnswerValue> {
  switch (question.kind) {
    case 'yes-no':
      return YesNoAnswer.superRefine((value, context) => {
        if (value.answer === null && question.required) context.addIssue({ code: 'custom', path: ['answer'], message: formMessages.yesNo });
        if (value.answer === 'yes' && question.detailWhenYes?.required && value.detail.trim() === '') {
          context.addIssue({ code: 'custom', path: ['detail'], message: formMessages.detail });
        }
      });
    case 'choice': {
      const ids = question.options.map((option) => option.id);
      return z
        .string()
        .nullable()
        .superRefine((value, context) => {
          if (value === null || value === '') {
            if (question.required) context.addIssue({ code: 'custom', message: formMessages.choose });
          } else if (!ids.includes(value)) context.addIssue({ code: 'custom', message: formMessages.choose });
        });
    }
    case 'date':
      return z.preprocess((value) => (value === '' ? null : value), question.required ? IsoDate.nullable().refine((value) => value !== null, formMessages.date) : IsoDate.nullable());
    case 'text': {
      const text = z
        .string()
        .trim()
        .max(question.maxLength ?? 2000);
      return question.required ? text.min(1, formMessages.text) : text;
    }
  }
}

function drawn(kind: 'initials' | 'signature', message: string) {
  // A missing drawing gets the same message as a trivial one: "initial this section".
  const present = z.custom<Ink>((value) => value !== null && value !== undefined, message);
  return present.pipe(Ink).superRefine((ink, context) => {
    if (inkProblem(ink.strokes, kind) !== null) context.addIssue({ code: 'custom', message });
  });
}

function clientPartShape(template: ConsentTemplateDraft, version: TemplateVersion) {
  const answers: Record<string, z.ZodType<AnswerValue>> = {};
  for (const section of template.sections) for (const question of section.questions) answers[question.id] = answerSchema(question);
  const initials: Record<string, z.ZodType> = {};
  for (const section of template.sections) if (section.initials) initials[section.id] = drawn('initials', formMessages.initials);
  const hasPhotography = template.sections.some((section) => section.photography);
  return {
    templateId: z.literal(template.id, formMessages.wrongTemplate),
    templateVersion: z.object({ major: z.literal(version.major, formMessages.wrongTemplate), minor: z.literal(version.minor, formMessages.wrongTemplate) }).strict(),
    answers: z.object(answers).strict(),
    initials: z.object(initials).strict(),
    photography: hasPhotography ? z.custom<PhotographyChoices | null>((value) => value !== null && value !== undefined, formMessages.photography).pipe(PhotographyChoices) : z.null(),
    guardian: GuardianDetails.nullable(),
  };
}

const signatureOf = (message: string) => z.object({ ink: drawn('signature', message), drawnAt: DrawnAt }).strict();

function signerRules(rules: FormRules) {
  return (form: { guardian: GuardianDetails | null; signatures: { client: DrawnSignature | null; guardian: DrawnSignature | null } }, context: z.RefinementCtx) => {
    if (rules.guardianRequired && form.guardian === null) context.addIssue({ code: 'custom', path: ['guardian'], message: formMessages.guardian });
    if (form.guardian !== null && form.signatures.guardian === null) {
      context.addIssue({ code: 'custom', path: ['signatures', 'guardian'], message: formMessages.guardianSignature });
    }
    if (form.guardian === null && form.signatures.client === null) {
      context.addIssue({ code: 'custom', path: ['signatures', 'client'], message: formMessages.clientSignature });
    }
  };
}

/**
 * The schema of the client's part of a form built from a template: every required question
 * answered (details when yes where asked), every initialled section initialled, the photography
 * choices made where the template has them, and the client or a guardian signed.
 */
export function clientPartSchema(template: ConsentTemplateDraft, version: TemplateVersion, rules: FormRules) {
  return z
    .object({
      ...clientPartShape(template, version),
      signatures: z
        .object({
          client: signatureOf(formMessages.clientSignature).nullable(),
          guardian: signatureOf(formMessages.guardianSignature).nullable(),
          witness: z
            .object({ name: WitnessSignature.shape.name, ink: drawn('signature', formMessages.witnessSignature), drawnAt: DrawnAt })
            .strict()
            .nullable(),
        })
        .strict(),
    })
    .strict()
    .superRefine(signerRules(rules));
}

/** The whole form as main accepts it for signing: the client's part plus the countersignature. */
export function signedFormSchema(template: ConsentTemplateDraft, version: TemplateVersion, rules: FormRules) {
  return z
    .object({
      ...clientPartShape(template, version),
      signatures: z
        .object({
          client: signatureOf(formMessages.clientSignature).nullable(),
          guardian: signatureOf(formMessages.guardianSignature).nullable(),
          witness: z
            .object({ name: WitnessSignature.shape.name, ink: drawn('signature', formMessages.witnessSignature), drawnAt: DrawnAt })
            .strict()
            .nullable(),
          practitioner: signatureOf(formMessages.signature),
        })
        .strict(),
    })
    .strict()
    .superRefine(signerRules(rules));
}

/** Empty answers for a template, as react-hook-form's default values. */
export function blankAnswers(template: ConsentTemplateDraft): Answers {
  const answers: Answers = {};
  for (const section of template.sections) {
    for (const question of section.questions) answers[question.id] = question.kind === 'yes-no' ? { answer: null, detail: '' } : question.kind === 'text' ? '' : null;
  }
  return answers;
}
