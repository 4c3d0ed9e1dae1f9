import type { TFunction } from 'i18next';
import { skinConcerns, type SkinConcern } from '../../../shared/clients/client';

export function isConcern(value: string): value is SkinConcern {
  return (skinConcerns as readonly string[]).includes(value);
}

/** A course's indication: a skin concern (stored by its id) in words, or the clinic's own text. */
export function indicationText(t: TFunction, indication: string): string {
  return isConcern(indication) ? t(`concerns.${indication}`) : indication;
}
