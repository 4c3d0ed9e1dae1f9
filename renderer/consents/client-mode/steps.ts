import type { ConsentTemplateDraft, TemplateSection } from '../../../shared/consents/template';

/** One screen of client mode. */
export type ClientStep = { kind: 'welcome' } | { kind: 'guardian' } | { kind: 'section'; section: TemplateSection } | { kind: 'signature' } | { kind: 'witness' } | { kind: 'handBack' };

/** Who signs in client mode besides the client: a guardian for them, a witness after them. */
export interface ClientSigners {
  guardianSigns: boolean;
  witnessSigns: boolean;
}

/**
 * The screens a template makes, in order: a welcome, a guardian's details if needed, one per
 * section, the signature, the witness's name and signature if one signs, then "hand back".
 */
export function clientSteps(template: ConsentTemplateDraft, { guardianSigns, witnessSigns }: ClientSigners): ClientStep[] {
  return [
    { kind: 'welcome' },
    ...(guardianSigns ? [{ kind: 'guardian' } as const] : []),
    ...template.sections.map((section) => ({ kind: 'section', section }) as const),
    { kind: 'signature' },
    ...(witnessSigns ? [{ kind: 'witness' } as const] : []),
    { kind: 'handBack' },
  ];
}

/** The form fields a step owns: checked before Next lets the client on. */
export function stepFields(step: ClientStep, guardianSigns: boolean): string[] {
  switch (step.kind) {
    case 'section': {
      const fields = step.section.questions.map((question) => `answers.${question.id}`);
      if (step.section.initials) fields.push(`initials.${step.section.id}`);
      if (step.section.photography) fields.push('photography');
      return fields;
    }
    case 'guardian':
      // The details themselves: the guardian starts blank (never null) when one is to sign.
      return ['guardian', 'guardian.name', 'guardian.relationship'];
    case 'signature':
      return [guardianSigns ? 'signatures.guardian' : 'signatures.client'];
    case 'witness':
      return ['signatures.witness.name', 'signatures.witness.ink'];
    default:
      return [];
  }
}
