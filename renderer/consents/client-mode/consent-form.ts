import type { TFunction } from 'i18next';
import type { GuardianDetails, Answers } from '../../../shared/consents/filled-form';
import { blankAnswers } from '../../../shared/consents/filled-form';
import type { Ink } from '../../../shared/consents/ink';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import type { ConsentTemplateDraft, TemplateVersion } from '../../../shared/consents/template';
import type { FieldMessages } from '../../forms/translated-resolver';

/** A drawn mark with when it was drawn, as the window saw it. */
export interface DrawnOnScreen {
  ink: Ink;
  drawnAt: string | null;
}

/** The client's part of the form while it is being filled: marks are null until drawn. */
export interface ClientPartValues {
  templateId: string;
  templateVersion: TemplateVersion;
  answers: Answers;
  initials: Record<string, Ink | null>;
  photography: PhotographyChoices | null;
  guardian: GuardianDetails | null;
  signatures: { client: DrawnOnScreen | null; guardian: DrawnOnScreen | null; witness: WitnessOnScreen | null };
}

/** A witness's name and signature while they are being given: null ink until drawn. */
export interface WitnessOnScreen {
  name: string;
  ink: Ink | null;
  drawnAt: string | null;
}

/** Every photography choice starts unticked: a use is allowed only when the client ticks it. */
const nothingAllowed: PhotographyChoices = { clinicalRecord: false, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false };

/**
 * A blank form. A witness who is to sign starts as an empty name and pad, and a guardian who is
 * to sign as empty details, so the step that asks for them refuses Next until they are given
 * (a missing guardian would otherwise surface only when the finished form is checked).
 */
export function blankClientPart(template: ConsentTemplateDraft, version: TemplateVersion, witnessSigns = false, guardianFor: GuardianDetails['reason'] | null = null): ClientPartValues {
  const initials: Record<string, Ink | null> = {};
  for (const section of template.sections) if (section.initials) initials[section.id] = null;
  return {
    templateId: template.id,
    templateVersion: version,
    answers: blankAnswers(template),
    initials,
    photography: template.sections.some((section) => section.photography) ? { ...nothingAllowed } : null,
    guardian: guardianFor ? { name: '', relationship: '', reason: guardianFor } : null,
    signatures: { client: null, guardian: null, witness: witnessSigns ? { name: '', ink: null, drawnAt: null } : null },
  };
}

/**
 * The inline message for each part of this template's form, in the clinic's language: the shared
 * schema decides what is wrong, this says it the way the client reads it.
 */
export function formMessagesFor(t: TFunction, template: ConsentTemplateDraft): FieldMessages {
  const messages: FieldMessages = {
    'initials.*': t('consents.form.initials'),
    'initials.*.strokes': t('consents.form.initials'),
    'signatures.client': t('consents.form.clientSignature'),
    'signatures.client.ink': t('consents.form.signatureTooSmall'),
    'signatures.guardian': t('consents.form.guardianSignature'),
    'signatures.guardian.ink': t('consents.form.signatureTooSmall'),
    'signatures.witness.name': t('consents.form.witnessName'),
    'signatures.witness.ink': t('consents.form.witnessSignature'),
    guardian: t('consents.form.guardian'),
    'guardian.name': t('consents.form.guardianName'),
    'guardian.relationship': t('consents.form.guardianRelationship'),
    photography: t('consents.form.photography'),
  };
  for (const section of template.sections) {
    for (const question of section.questions) {
      const path = `answers.${question.id}`;
      switch (question.kind) {
        case 'yes-no':
          messages[`${path}.answer`] = t('consents.form.yesNo');
          messages[`${path}.detail`] = t('consents.form.detail');
          break;
        case 'choice':
          messages[path] = t('consents.form.choose');
          break;
        case 'date':
          messages[path] = t('consents.form.date');
          break;
        case 'text':
          messages[path] = t('consents.form.text');
          break;
      }
    }
  }
  return messages;
}
