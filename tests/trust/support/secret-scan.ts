import { parseRecoveryKey } from '../../../main/crypto/recovery-key';

export interface Secret {
  label: string;
  value: string;
}

/** A key in every spelling it could leak in: hex either case, base64, base64url. */
export function keyForms(label: string, key: Buffer): Secret[] {
  return [
    { label: `${label} (hex)`, value: key.toString('hex') },
    { label: `${label} (HEX)`, value: key.toString('hex').toUpperCase() },
    { label: `${label} (base64)`, value: key.toString('base64').replace(/=+$/, '') },
    { label: `${label} (base64url)`, value: key.toString('base64url') },
  ];
}

/** The recovery key as printed, without its dashes, and the 256 bits it stands for. */
export function recoveryKeyForms(text: string): Secret[] {
  const parsed = parseRecoveryKey(text);
  if (!parsed.ok) throw new Error('not a recovery key');
  return [
    { label: 'recovery key', value: text },
    { label: 'recovery key (no dashes)', value: text.replaceAll('-', '') },
    { label: 'recovery key (first groups)', value: text.split('-').slice(0, 3).join('-') },
    ...keyForms('recovery key bytes', parsed.key),
  ];
}

/** Labels of the secrets found in a text, case-insensitively. */
export function secretsIn(text: string, secrets: readonly Secret[]): string[] {
  const haystack = text.toLowerCase();
  return secrets.filter((s) => haystack.includes(s.value.toLowerCase())).map((s) => s.label);
}

/** Everything an error object carries: name, message, stack, own fields, causes. */
export function errorText(error: unknown, depth = 0): string {
  if (depth > 5) return '';
  if (!(error instanceof Error)) {
    try {
      return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
    } catch {
      return String(error);
    }
  }
  const own = Object.getOwnPropertyNames(error)
    .filter((key) => key !== 'stack' && key !== 'message' && key !== 'cause')
    .map((key) => `${key}=${errorText((error as unknown as Record<string, unknown>)[key], depth + 1)}`);
  return [error.name, error.message, error.stack ?? '', ...own, error.cause === undefined ? '' : errorText(error.cause, depth + 1)].join('\n');
}
