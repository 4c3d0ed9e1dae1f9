import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { BridgeError } from '../../shared/errors';

/**
 * Puts the main side's field messages (INVALID_INPUT) next to the fields they belong to.
 * Returns true when at least one landed, so the caller need not repeat it in a banner.
 */
export function showFieldErrors<T extends FieldValues>(error: BridgeError, setError: UseFormSetError<T>, fields: readonly Path<T>[]): boolean {
  if (error.code !== 'INVALID_INPUT' || !error.fields) return false;
  let shown = false;
  for (const [path, message] of Object.entries(error.fields)) {
    const field = fields.find((candidate) => candidate === path);
    if (field) {
      setError(field, { type: 'server', message });
      shown = true;
    }
  }
  return shown;
}
