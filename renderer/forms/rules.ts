import { Password } from '../../shared/staff';

/**
 * A new password typed twice: the refinement for `.refine(...)`. The password rule itself is the
 * shared one (the main side applies the same); the second field only guards against a typo
 * nobody would notice until the next sign-in.
 */
export function passwordsMatch<K extends string>(passwordField: K) {
  const check = (values: Record<K, string> & { confirmPassword: string }) => values[passwordField] === values.confirmPassword;
  const where: { path: PropertyKey[]; message: string } = { path: ['confirmPassword'], message: 'validation.passwordsDiffer' };
  return [check, where] as const;
}

export const minPasswordLength = Password.minLength ?? 10;
