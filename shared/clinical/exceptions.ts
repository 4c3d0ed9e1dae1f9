import { z } from 'zod';
import { areaNames, depthNeedsConfirmation, deviceLabelMaxMm, treatmentAreas, type AreaDepth, type TreatmentArea } from './areas';
import { Expiry, isMonthExpiry, lotsByExpiry } from './expiry';

/**
 * What a session was done under: the treatment consent it relied on, or the exceptions a
 * practitioner took responsibility for. Stored with the session and shown wherever it is shown.
 */
const Who = { by: z.string(), byName: z.string(), at: z.string() };

export const SessionException = z.discriminatedUnion('kind', [
  /** A screening stop (or an incomplete history) overridden that day: the override in force. */
  z.object({
    kind: z.literal('screening-override'),
    overrideId: z.string(),
    stops: z.array(z.object({ rule: z.string(), summary: z.string() })),
    reason: z.string(),
    ...Who,
  }),
  /** Treated without a valid treatment consent on the session day. */
  z.object({ kind: z.literal('no-consent'), consentState: z.string(), reason: z.string(), ...Who }),
  /** A depth above the clinic's maximum for the area, confirmed by the practitioner. */
  z.object({ kind: z.literal('depth-above-max'), area: z.enum(treatmentAreas), depthMm: z.number(), maxMm: z.number(), ...Who }),
  /** A cartridge or product used after its expiry. */
  z.object({ kind: z.literal('expired-lot'), lotKind: z.enum(['cartridge', 'product']), name: z.string(), lot: z.string(), expiry: Expiry, reason: z.string(), ...Who }),
]);
export type SessionException = z.infer<typeof SessionException>;

export const ConsentReliedOn = z.object({
  id: z.string(),
  templateId: z.string(),
  version: z.object({ major: z.number(), minor: z.number() }),
  signedAt: z.string(),
  validUntil: z.string(),
});
export type ConsentReliedOn = z.infer<typeof ConsentReliedOn>;

export const SessionBasis = z.object({ consent: ConsentReliedOn.nullable(), exceptions: z.array(SessionException) });
export type SessionBasis = z.infer<typeof SessionBasis>;

/** The treatment consent as the consent service judges it today, with the signed form it names. */
export interface ConsentStanding {
  state: string;
  signedAt: string | null;
  validUntil: string | null;
  consent: Omit<ConsentReliedOn, 'signedAt' | 'validUntil'> | null;
}

/**
 * A consent covers a session when it is valid, was signed on or before the session day, and the
 * session day is within its validity. A declined, withdrawn, expired or superseded form never does.
 */
export function consentCovers(consent: Pick<ConsentStanding, 'state' | 'signedAt' | 'validUntil'>, sessionDay: string): boolean {
  if (consent.state !== 'valid' || !consent.signedAt || !consent.validUntil) return false;
  return consent.signedAt.slice(0, 10) <= sessionDay && sessionDay <= consent.validUntil;
}

export interface ScreeningFacts {
  blocked: boolean;
  /** The override recorded today for the latest history, if any. */
  override: { id: string; overriddenAt: string; overriddenBy: string; overriddenByName: string; rules: string[]; reason: string } | null;
  /** Today's alerts, to name the stops the override covered. */
  alerts: readonly { rule: string; level: 'stop' | 'caution'; summary: string }[];
}

export interface SessionFacts {
  sessionDay: string;
  today: string;
  consent: ConsentStanding;
  screening: ScreeningFacts;
  record: {
    areas: readonly { area: AreaDepth['area']; depthMm: number }[];
    cartridge: { name: string; lot: string; expiry: string | null } | null;
    products: readonly { name: string; lot: string; expiry: string | null }[];
  };
  depths: readonly AreaDepth[];
}

export interface SessionDecisions {
  /** Reason for treating without a valid consent; null when none was given. */
  noConsentReason: string | null;
  /** Reason for using expired lots; null when none was given. */
  expiredLotReason: string | null;
  depthsConfirmed: boolean;
}

export type SessionRefusal = 'screening-stop' | 'no-consent' | 'expired-lot' | 'depth-unconfirmed';

/**
 * The session gate: either the session may be saved, with the basis it is saved on, or the list of
 * what stops it. A reason that is blank is no reason.
 */
export function judgeSession(
  facts: SessionFacts,
  decisions: SessionDecisions,
  who: { by: string; byName: string; at: string },
): { ok: true; basis: SessionBasis } | { ok: false; refusals: SessionRefusal[] } {
  const refusals: SessionRefusal[] = [];
  const exceptions: SessionException[] = [];
  if (facts.screening.blocked) refusals.push('screening-stop');
  const override = facts.screening.override;
  if (override && override.overriddenAt.slice(0, 10) === facts.today) {
    exceptions.push({
      kind: 'screening-override',
      overrideId: override.id,
      stops: override.rules.map((rule) => ({ rule, summary: facts.screening.alerts.find((alert) => alert.rule === rule)?.summary ?? rule })),
      reason: override.reason,
      by: override.overriddenBy,
      byName: override.overriddenByName,
      at: override.overriddenAt,
    });
  }
  const covered = consentCovers(facts.consent, facts.sessionDay) && facts.consent.consent !== null;
  const noConsentReason = decisions.noConsentReason?.trim() ?? '';
  if (!covered) {
    if (!noConsentReason) refusals.push('no-consent');
    else exceptions.push({ kind: 'no-consent', consentState: facts.consent.state, reason: noConsentReason, ...who });
  }
  const treated = depthAndLots(facts, decisions, who, []);
  refusals.push(...treated.refusals);
  exceptions.push(...treated.exceptions);
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, basis: { consent: covered ? { ...facts.consent.consent!, signedAt: facts.consent.signedAt!, validUntil: facts.consent.validUntil! } : null, exceptions } };
}

/** Depths above the maximum and expired lots: refused unless confirmed (depths) or given a reason (lots). */
function depthAndLots(
  facts: Pick<SessionFacts, 'record' | 'depths' | 'sessionDay'>,
  decisions: Pick<SessionDecisions, 'expiredLotReason' | 'depthsConfirmed'>,
  who: { by: string; byName: string; at: string },
  earlier: readonly SessionException[],
): { refusals: SessionRefusal[]; exceptions: SessionException[] } {
  const refusals: SessionRefusal[] = [];
  const exceptions: SessionException[] = [];
  const byArea = new Map(facts.depths.map((depth) => [depth.area, depth]));
  const deep = facts.record.areas.filter((area) => depthNeedsConfirmation(area.depthMm, byArea.get(area.area)));
  const deepExceptions: SessionException[] = deep.map((area) => ({
    kind: 'depth-above-max',
    area: area.area,
    depthMm: area.depthMm,
    maxMm: byArea.get(area.area)?.maxMm ?? deviceLabelMaxMm,
    ...who,
  }));
  const lotReason = decisions.expiredLotReason?.trim() ?? '';
  const lotExceptions: SessionException[] = lotsByExpiry(facts.record, facts.sessionDay).expired.map((lot) => ({
    kind: 'expired-lot',
    lotKind: lot.kind,
    name: lot.name,
    lot: lot.lot,
    expiry: lot.expiry!,
    reason: lotReason,
    ...who,
  }));
  const keep = (exception: SessionException) => earlier.find((old) => sameException(old, exception));
  if (deepExceptions.some((exception) => !keep(exception)) && !decisions.depthsConfirmed) refusals.push('depth-unconfirmed');
  if (lotExceptions.some((exception) => !keep(exception)) && !lotReason) refusals.push('expired-lot');
  exceptions.push(...[...deepExceptions, ...lotExceptions].map((exception) => keep(exception) ?? exception));
  return { refusals, exceptions };
}

/**
 * A same-day change keeps what the session was started on (its consent, its screening and
 * no-consent overrides) and judges its depths and lots again. A depth or an expired lot already
 * confirmed keeps who confirmed it and why; a new one needs its own confirmation or reason.
 */
export function judgeChange(
  previous: SessionBasis,
  facts: Pick<SessionFacts, 'record' | 'depths' | 'sessionDay'>,
  decisions: Pick<SessionDecisions, 'expiredLotReason' | 'depthsConfirmed'>,
  who: { by: string; byName: string; at: string },
): { ok: true; basis: SessionBasis } | { ok: false; refusals: SessionRefusal[] } {
  const treated = depthAndLots(facts, decisions, who, previous.exceptions);
  if (treated.refusals.length > 0) return { ok: false, refusals: treated.refusals };
  const kept = previous.exceptions.filter((exception) => exception.kind === 'screening-override' || exception.kind === 'no-consent');
  return { ok: true, basis: { consent: previous.consent, exceptions: [...kept, ...treated.exceptions] } };
}

function sameException(a: SessionException, b: SessionException): boolean {
  if (a.kind === 'depth-above-max' && b.kind === 'depth-above-max') return a.area === b.area && a.depthMm === b.depthMm && a.maxMm === b.maxMm;
  if (a.kind === 'expired-lot' && b.kind === 'expired-lot') return a.lotKind === b.lotKind && a.lot === b.lot && a.expiry === b.expiry && a.name === b.name;
  return false;
}

/** An area in words for paper and spreadsheets: "cheek-left" is "Left cheek". */
export function areaWords(area: string): string {
  if (Object.hasOwn(areaNames, area)) return areaNames[area as TreatmentArea];
  // A code this version does not know (never expected): still words, not a code.
  const words = area.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One line per exception, in plain English, for the export, the print-out and the CLI. */
export function exceptionText(exception: SessionException): string {
  switch (exception.kind) {
    case 'screening-override':
      return `Screening override (${exception.stops.map((stop) => stop.summary).join('; ')}) by ${exception.byName}: ${exception.reason}`;
    case 'no-consent':
      return `Treated without a valid treatment consent, by ${exception.byName}: ${exception.reason}`;
    case 'depth-above-max':
      return `Depth above the clinic maximum confirmed by ${exception.byName}: ${areaWords(exception.area)} ${exception.depthMm} mm (maximum ${exception.maxMm} mm)`;
    case 'expired-lot':
      return `Expired ${exception.lotKind} used (${exception.name}, lot ${exception.lot}, expiry ${isMonthExpiry(exception.expiry) ? `${exception.expiry.slice(5, 7)}/${exception.expiry.slice(0, 4)}` : exception.expiry}) by ${exception.byName}: ${exception.reason}`;
  }
}
