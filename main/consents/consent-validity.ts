import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import type { KindStatus, staleReasons } from '../../shared/contract/consent-channels';

export type StaleReason = (typeof staleReasons)[number];

export interface ValidityFacts {
  signedAt: string;
  major: number;
  latestMajor: number;
  withdrawn: boolean;
  /** The client refused a must-agree statement: the form is a declined form, not a consent. */
  declined: boolean;
  validityMonths: number;
  today: string;
}

export interface Judged {
  state: 'valid' | 'stale' | 'declined';
  staleReason: StaleReason | null;
  validUntil: string;
}

/** Last day a consent counts: the signing day plus the clinic's validity period. */
export function validUntil(signedAt: string, validityMonths: number): string {
  const day = signedAt.slice(0, 10);
  const [year, month, date] = day.split('-').map(Number);
  return format(addMonths(new Date(year!, month! - 1, date!), validityMonths), 'yyyy-MM-dd');
}

/**
 * A signed consent counts until the clinic's period runs out, a new major version of its template
 * is published (new risks or wording the client has not agreed to), or it is withdrawn. A consent
 * that has run out says so even when a new version came later: "expired" is the first reason it
 * stopped counting. A declined form never counts.
 */
export function validity(facts: ValidityFacts): Judged {
  const until = validUntil(facts.signedAt, facts.validityMonths);
  if (facts.declined) return { state: 'declined', staleReason: null, validUntil: until };
  const staleReason: StaleReason | null = facts.withdrawn ? 'withdrawn' : facts.today > until ? 'expired' : facts.latestMajor > facts.major ? 'new-major-version' : null;
  return { state: staleReason ? 'stale' : 'valid', staleReason, validUntil: until };
}

/**
 * A client's standing for one kind of consent, from the latest form of that kind (null: none).
 * The latest form is the client's latest word: after a declined form the consent is needed again,
 * whatever was signed before.
 */
export function kindStanding(kind: KindStatus['kind'], latest: { signedAt: string; judged: Judged } | null): KindStatus {
  if (!latest) return { kind, state: 'needed', staleReason: null, signedAt: null, validUntil: null };
  if (latest.judged.state === 'declined') return { kind, state: 'needed', staleReason: 'declined', signedAt: latest.signedAt, validUntil: null };
  return { kind, state: latest.judged.state, staleReason: latest.judged.staleReason, signedAt: latest.signedAt, validUntil: latest.judged.validUntil };
}

/**
 * The photography standing of a form that counts: photos need the clinical-record use in force
 * (without it no photo is taken). Withdrawn since signing: stale; never agreed: declined.
 */
export function photographyJudged(judged: Judged, signed: { clinicalRecord: boolean }, inForce: { clinicalRecord: boolean }): Judged {
  if (judged.state !== 'valid' || inForce.clinicalRecord) return judged;
  return signed.clinicalRecord ? { ...judged, state: 'stale', staleReason: 'withdrawn' } : { ...judged, state: 'declined', staleReason: null };
}
