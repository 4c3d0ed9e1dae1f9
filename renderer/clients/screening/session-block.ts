import type { TFunction } from 'i18next';
import type { ScreeningState } from '../../../shared/contract/client-channels';
import { alertText, incompleteText, stopsOf } from './alert-text';

/** Why a session cannot start now (a stop or an incomplete history without today's override), or null when it can. */
export function sessionBlockReason(t: TFunction, screening: ScreeningState | null): string | null {
  if (!screening?.blocked) return null;
  // The incomplete history says what is missing, not only that something is.
  const stops = stopsOf(screening.alerts).map((alert) => (alert.rule === 'history-incomplete' && screening.incomplete ? incompleteText(t, screening.incomplete) : alertText(t, alert)));
  return t('screening.blockedReason', { stops: stops.join('; ') });
}
