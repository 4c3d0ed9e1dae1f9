import type { FieldError } from 'react-hook-form';

/**
 * The message for a field whose error may sit further down (a signature's rule is checked on its
 * `ink`, a malformed drawing on `ink.png`): the first message found, so the pad always says what
 * is wrong.
 */
export function fieldMessage(error: FieldError | undefined): string | undefined {
  const search = (node: unknown, depth: number): string | undefined => {
    if (!node || typeof node !== 'object' || depth > 6) return undefined;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ref') continue;
      const found = search(value, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(error, 0);
}
