/** One line of `verify`'s report: what was checked, whether it held, and what was found. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export function formatCheck(check: CheckResult): string {
  return `${check.name}: ${check.ok ? 'ok' : 'FAILED'}${check.detail ? ` (${check.detail})` : ''}`;
}
