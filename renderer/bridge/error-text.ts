import type { TFunction } from 'i18next';
import type { BridgeError } from '../../shared/errors';

/**
 * What to show for a failed call. The language file wins where it has a text for the code;
 * otherwise the main side's own message is shown, because for occurrence-specific errors
 * (which file is damaged, which name is taken, why the last admin cannot go) it says more
 * than a generic translation could. A clinic abroad adds `errors.<CODE>` to its language file.
 */
export function errorText(t: TFunction, error: BridgeError): string {
  const seconds = error.retryAfterSeconds ?? 0;
  return t(`errors.${error.code}`, { defaultValue: error.message, count: seconds, seconds });
}
