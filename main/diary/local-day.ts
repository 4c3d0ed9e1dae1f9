import { format } from 'date-fns/format';
import type { Clock } from '../clock';

/** The clinic's calendar day: the diary runs on the wall clock of the PC at the front desk. */
export function localDay(clock: Clock): string {
  return format(clock.now(), 'yyyy-MM-dd');
}
