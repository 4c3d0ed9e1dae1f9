import { microneedlingTemplate } from '../../shared/consents/built-in-templates';
import { blankAnswers, type FilledForm } from '../../shared/consents/filled-form';
import { allQuestions } from '../../shared/consents/template';
import type { Services } from '../app';
import { SeededRandom } from './seeded-random';
import { syntheticInk } from './synthetic-ink';

export interface DemoConsentOptions {
  seed: number;
  /** The clients to give a consent to (most of them get one). */
  clientIds: readonly string[];
  /** At most this many consents: each is a real signed form with its PDF, about a tenth of a second. */
  limit: number;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

/**
 * Signed microneedling consents for most demo clients, through the real signing path: synthetic
 * initials and signatures, the current template version, a PDF made and hashed like any other.
 */
export async function seedDemoConsents(services: Services, by: string, options: DemoConsentOptions): Promise<number> {
  const random = new SeededRandom(options.seed ^ 0x5eed);
  const template = services.consentTemplates.get(microneedlingTemplate.id, null);
  const chosen = options.clientIds.filter(() => random.chance(0.85)).slice(0, options.limit);
  let signed = 0;
  for (const clientId of chosen) {
    if (options.shouldStop?.()) break;
    const client = services.clients.get(clientId);
    const minor = client.dateOfBirth !== null && client.dateOfBirth > `${Number(services.clock.now().toISOString().slice(0, 4)) - 18}`;
    const answers = blankAnswers(template.content);
    for (const question of allQuestions(template.content)) {
      if (question.kind === 'yes-no') answers[question.id] = { answer: question.flagWhen === 'no' ? 'yes' : 'no', detail: '' };
      if (question.kind === 'choice') answers[question.id] = random.pick(question.options).id;
    }
    const initials: FilledForm['initials'] = {};
    for (const section of template.content.sections) if (section.initials) initials[section.id] = await syntheticInk(random, 'initials');
    const signature = { ink: await syntheticInk(random, 'signature'), drawnAt: null };
    const form: FilledForm = {
      templateId: template.content.id,
      templateVersion: template.version,
      answers,
      initials,
      photography: { clinicalRecord: true, teaching: random.chance(0.5), marketingFaceVisible: random.chance(0.2), marketingFaceHidden: random.chance(0.4) },
      guardian: minor ? { name: `Guardian of ${client.firstName}`, relationship: 'Parent', reason: 'minor' } : null,
      signatures: {
        client: minor ? null : signature,
        guardian: minor ? signature : null,
        witness: null,
        practitioner: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
      },
    };
    await services.consents.sign(by, clientId, null, form);
    signed++;
    options.onProgress?.(signed, chosen.length);
  }
  return signed;
}
