import type { PhotographyChoices } from './photography';
import { allQuestions, photographySection, type ConsentTemplateDraft } from './template';

/**
 * What counts as consent. A template marks the statements the client must agree to (a yes-no
 * question with `mustAgree`, agreed by "yes"; on a photography form, the clinical-record choice).
 * A filled form where any of them is not agreed is a declined form: kept as evidence that the
 * client was informed and refused, never as a consent.
 */

/** One must-agree statement the client did not agree to. */
export interface RefusedStatement {
  /** The question id, or `photography.clinicalRecord`. */
  id: string;
  label: string;
}

export const clinicalRecordStatementId = 'photography.clinicalRecord';

/** The must-agree statements not agreed to, in the order the form asks them. Unanswered counts as not agreed. */
export function refusedStatements(template: ConsentTemplateDraft, answers: Record<string, unknown>, photography: PhotographyChoices | null): RefusedStatement[] {
  const refused: RefusedStatement[] = [];
  for (const question of allQuestions(template)) {
    if (question.kind !== 'yes-no' || !question.mustAgree) continue;
    const answer = answers[question.id] as { answer?: unknown } | null | undefined;
    if (answer?.answer !== 'yes') refused.push({ id: question.id, label: question.label });
  }
  const block = photographySection(template)?.photography;
  if (block?.clinicalRecordMustAgree && photography?.clinicalRecord !== true) refused.push({ id: clinicalRecordStatementId, label: block.clinicalRecord });
  return refused;
}

/** Whether a filled form is a declined form rather than a consent. */
export function formDeclined(template: ConsentTemplateDraft, answers: Record<string, unknown>, photography: PhotographyChoices | null): boolean {
  return refusedStatements(template, answers, photography).length > 0;
}

/** Whether the template asks the client to agree to anything (an editor and review hint). */
export function hasMustAgree(template: ConsentTemplateDraft): boolean {
  return allQuestions(template).some((question) => question.kind === 'yes-no' && question.mustAgree === true) || photographySection(template)?.photography?.clinicalRecordMustAgree === true;
}
