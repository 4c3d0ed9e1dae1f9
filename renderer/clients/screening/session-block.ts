import type { TFunction } from 'i18next';
import type { ScreeningState } from '../../../shared/contract/client-channels';
import { alertText, stopsOf } from './alert-text';

/** Why a session cannot start now (a stop without today's override), or null when it can. */
export function sessionBlockReason(t: TFunction, screening: ScreeningState | null): string | null {
  if (!screening?.blocked) return null;
  const stops = stopsOf(screening.alerts).map((alert) => alertText(t, alert));
  return t('screening.blockedReason', { stops: stops.join('; ') });
}
