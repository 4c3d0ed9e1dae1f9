import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import type { ConsentState, staleReasons } from '../../shared/contract/consent-channels';

export type StaleReason = (typeof staleReasons)[number];

export interface ValidityFacts {
  signedAt: string;
  major: number;
  latestMajor: number;
  withdrawn: boolean;
  validityMonths: number;
  today: string;
}

/** Last day a consent counts: the signing day plus the clinic's validity period. */
export function validUntil(signedAt: string, validityMonths: number): string {
  const day = signedAt.slice(0, 10);
  const [year, month, date] = day.split('-').map(Number);
  return format(addMonths(new Date(year!, month! - 1, date!), validityMonths), 'yyyy-MM-dd');
}

/**
 * A signed consent counts until the clinic's period runs out, a new major version of its template
 * is published (new risks or wording the client has not agreed to), or it is withdrawn.
 */
export function validity(facts: ValidityFacts): { state: Exclude<ConsentState, 'needed'>; staleReason: StaleReason | null; validUntil: string } {
  const until = validUntil(facts.signedAt, facts.validityMonths);
  const staleReason: StaleReason | null = facts.withdrawn ? 'withdrawn' : facts.latestMajor > facts.major ? 'new-major-version' : facts.today > until ? 'expired' : null;
  return { state: staleReason ? 'stale' : 'valid', staleReason, validUntil: until };
}
