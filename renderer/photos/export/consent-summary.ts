import type { TFunction } from 'i18next';
import type { PhotographyChoices } from '../../../shared/consents/photography';

const order = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const;

/** "clinical record, teaching": the uses the client agreed to, in words. */
export function consentSummary(t: TFunction, choices: PhotographyChoices): string {
  const agreed = order.filter((choice) => choices[choice]).map((choice) => t(`photos.export.choices.${choice}`));
  return agreed.length > 0 ? agreed.join(', ') : t('photos.export.noChoices');
}
