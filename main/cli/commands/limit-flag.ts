import { UsageError, type CliFlag } from '../command';

export const limitFlag: CliFlag = { name: 'limit', placeholder: 'N', summary: 'At most this many lines (default 50).', required: false };

/** --limit as a whole number within what the screen's own call allows. */
export function limitFrom(text: string | undefined, most: number): number {
  const value = text ?? '50';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > most) {
    throw new UsageError(`--limit must be a whole number from 1 to ${most.toLocaleString('en-GB')}.`);
  }
  return Number(value);
}
