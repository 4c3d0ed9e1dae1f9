import type { Services } from '../../main/app';
import type { SeededRandom } from '../../main/demo/seeded-random';
import { syntheticInk } from '../../main/demo/synthetic-ink';
import { blankAnswers, type FilledForm } from '../../shared/consents/filled-form';
import { allQuestions } from '../../shared/consents/template';

/**
 * A complete microneedling consent as the client would fill it in: every yes/no answered the
 * unflagged way except "recent treatments" (answered yes with `recentTreatmentsDetail`), drawn
 * initials on every section that asks for them, photography choices, and client, witness and
 * practitioner signatures in synthetic ink from `random` (no witness with `witness: false`).
 * Ready for `services.consents.sign`.
 */
export async function microneedlingForm(services: Services, random: SeededRandom, recentTreatmentsDetail: string, options: { witness?: boolean } = {}): Promise<FilledForm> {
  const template = services.consentTemplates.get('microneedling', null);
  const answers = blankAnswers(template.content);
  for (const question of allQuestions(template.content)) {
    if (question.kind === 'yes-no') answers[question.id] = { answer: question.flagWhen === 'no' ? 'yes' : 'no', detail: '' };
  }
  answers['numbing'] = 'topical-anaesthetic';
  answers['recent-treatments'] = { answer: 'yes', detail: recentTreatmentsDetail };
  const initials: FilledForm['initials'] = {};
  for (const section of template.content.sections) if (section.initials) initials[section.id] = await syntheticInk(random, 'initials');
  return {
    templateId: 'microneedling',
    templateVersion: template.version,
    answers,
    initials,
    photography: { clinicalRecord: true, teaching: true, marketingFaceVisible: false, marketingFaceHidden: true },
    guardian: null,
    signatures: {
      client: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
      guardian: null,
      witness: (options.witness ?? true) ? { name: 'Ελένη Παπαδοπούλου', ink: await syntheticInk(random, 'signature'), drawnAt: null } : null,
      practitioner: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
    },
  };
}
