import { format } from 'date-fns/format';
import { unconfirmedDateOfBirth } from '../../shared/clients/date-of-birth';
import { StoreError } from '../store/store-error';

/**
 * The main side's half of the form's "is that right?" for an age under 1 or over 110: a new or
 * changed date of birth like that is saved only with the confirmation the form asked for, so a
 * slip is never stored because a caller skipped the question. Ages count on the clinic's own day.
 */
export function assertDateOfBirthConfirmed(dateOfBirth: string | null, onFile: string | null, confirmed: boolean, now: Date): void {
  const refusal = unconfirmedDateOfBirth(dateOfBirth, onFile, confirmed, format(now, 'yyyy-MM-dd'));
  if (refusal) throw new StoreError('INVALID_INPUT', refusal, { fields: { dateOfBirth: refusal } });
}
