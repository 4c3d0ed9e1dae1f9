import { describe, expect, it } from 'vitest';
import { consentCovers, exceptionText, judgeChange, judgeSession, type SessionFacts } from '../../../shared/clinical/exceptions';
import { defaultAreaDepths } from '../../../shared/clinical/areas';

const who = { by: 'staff-1', byName: 'Priya Shah', at: '2026-11-25T10:00:00.000Z' };
const validConsent = {
  state: 'valid',
  signedAt: '2026-11-01T09:00:00.000Z',
  validUntil: '2027-11-01',
  consent: { id: 'consent-1', templateId: 'microneedling', version: { major: 2, minor: 1 } },
};
const facts = (overrides: Partial<SessionFacts> = {}): SessionFacts => ({
  sessionDay: '2026-11-25',
  today: '2026-11-25',
  consent: validConsent,
  screening: { blocked: false, override: null, alerts: [] },
  record: { areas: [{ area: 'cheek-left', depthMm: 0.5 }], cartridge: { name: '16-pin', lot: 'C1', expiry: '2027-06' }, products: [] },
  depths: defaultAreaDepths,
  ...overrides,
});
const none = { noConsentReason: null, expiredLotReason: null, depthsConfirmed: false };

describe('the session gate: consent', () => {
  it('a valid consent covering the session day lets the session through and is stored with its version', () => {
    const judged = judgeSession(facts(), none, who);
    expect(judged).toEqual({
      ok: true,
      basis: { consent: { id: 'consent-1', templateId: 'microneedling', version: { major: 2, minor: 1 }, signedAt: validConsent.signedAt, validUntil: '2027-11-01' }, exceptions: [] },
    });
  });

  it('no consent, a declined form or a stale one is refused without an override', () => {
    for (const state of ['needed', 'declined', 'stale']) {
      const consent = {
        state,
        signedAt: state === 'needed' ? null : validConsent.signedAt,
        validUntil: state === 'needed' ? null : '2027-11-01',
        consent: state === 'needed' ? null : validConsent.consent,
      };
      expect(judgeSession(facts({ consent }), none, who)).toEqual({ ok: false, refusals: ['no-consent'] });
    }
  });

  it('a consent signed after the session day, or expired by it, does not cover it', () => {
    expect(consentCovers(validConsent, '2026-10-31')).toBe(false);
    expect(consentCovers(validConsent, '2027-11-02')).toBe(false);
    expect(consentCovers(validConsent, '2026-11-01')).toBe(true);
  });

  it('an override with a reason lets it through and is kept as an exception; a blank reason is no reason', () => {
    const consent = { state: 'needed', signedAt: null, validUntil: null, consent: null };
    expect(judgeSession(facts({ consent }), { ...none, noConsentReason: '   ' }, who).ok).toBe(false);
    const judged = judgeSession(facts({ consent }), { ...none, noConsentReason: ' Paper consent in the file, scanned tomorrow ' }, who);
    expect(judged).toEqual({
      ok: true,
      basis: { consent: null, exceptions: [{ kind: 'no-consent', consentState: 'needed', reason: 'Paper consent in the file, scanned tomorrow', ...who }] },
    });
  });
});

describe('the session gate: screening, depths and lots', () => {
  it('a screening stop without an override is refused; the override in force today is recorded with who and why', () => {
    expect(judgeSession(facts({ screening: { blocked: true, override: null, alerts: [] } }), none, who)).toEqual({ ok: false, refusals: ['screening-stop'] });
    const override = { id: 'o1', overriddenAt: '2026-11-25T08:00:00.000Z', overriddenBy: 'staff-2', overriddenByName: 'Dr Lee', rules: ['sunburn'], reason: 'Sunburn healed, checked' };
    const judged = judgeSession(facts({ screening: { blocked: false, override, alerts: [{ rule: 'sunburn', level: 'stop', summary: 'Sunburn in the treatment area' }] } }), none, who);
    expect(judged.ok && judged.basis.exceptions).toEqual([
      {
        kind: 'screening-override',
        overrideId: 'o1',
        stops: [{ rule: 'sunburn', summary: 'Sunburn in the treatment area' }],
        reason: 'Sunburn healed, checked',
        by: 'staff-2',
        byName: 'Dr Lee',
        at: override.overriddenAt,
      },
    ]);
  });

  it('an override from an earlier day is not recorded on today’s session', () => {
    const override = { id: 'o1', overriddenAt: '2026-11-20T08:00:00.000Z', overriddenBy: 'staff-2', overriddenByName: 'Dr Lee', rules: ['sunburn'], reason: 'x' };
    const judged = judgeSession(facts({ screening: { blocked: false, override, alerts: [] } }), none, who);
    expect(judged.ok && judged.basis.exceptions).toEqual([]);
  });

  it('a confirmed depth above the clinic maximum is kept with area, depth and maximum', () => {
    const deep = facts({ record: { areas: [{ area: 'forehead', depthMm: 0.8 }], cartridge: null, products: [] } });
    expect(judgeSession(deep, none, who)).toEqual({ ok: false, refusals: ['depth-unconfirmed'] });
    const judged = judgeSession(deep, { ...none, depthsConfirmed: true }, who);
    expect(judged.ok && judged.basis.exceptions).toEqual([{ kind: 'depth-above-max', area: 'forehead', depthMm: 0.8, maxMm: 0.5, ...who }]);
  });

  it('an expired cartridge or product is refused without a reason, kept with one; every refusal is listed', () => {
    const expired = facts({
      consent: { state: 'needed', signedAt: null, validUntil: null, consent: null },
      record: { areas: [{ area: 'cheek-left', depthMm: 0.5 }], cartridge: { name: '16-pin', lot: 'C1', expiry: '2024-11' }, products: [{ name: 'HA', lot: 'P1', expiry: '2026-11-24' }] },
    });
    expect(judgeSession(expired, none, who)).toEqual({ ok: false, refusals: ['no-consent', 'expired-lot'] });
    const judged = judgeSession(expired, { ...none, noConsentReason: 'Paper consent on file', expiredLotReason: 'No other stock; client informed' }, who);
    expect(judged.ok && judged.basis.exceptions.map((exception) => exception.kind)).toEqual(['no-consent', 'expired-lot', 'expired-lot']);
    expect(judged.ok && judged.basis.exceptions.map(exceptionText)).toContain('Expired cartridge used (16-pin, lot C1, expiry 11/2024) by Priya Shah: No other stock; client informed');
  });

  it('a same-day change keeps the consent and overrides, keeps an expired lot already explained, and asks for a new one', () => {
    const first = judgeSession(
      facts({ record: { areas: [{ area: 'cheek-left', depthMm: 0.5 }], cartridge: { name: '16-pin', lot: 'C1', expiry: '2024-11' }, products: [] } }),
      { ...none, expiredLotReason: 'No other stock' },
      who,
    );
    if (!first.ok) throw new Error('expected ok');
    const later = { ...who, byName: 'Sam Ortiz', by: 'staff-3' };
    const same = judgeChange(
      first.basis,
      { sessionDay: '2026-11-25', record: { areas: [{ area: 'cheek-left', depthMm: 0.5 }], cartridge: { name: '16-pin', lot: 'C1', expiry: '2024-11' }, products: [] }, depths: defaultAreaDepths },
      { expiredLotReason: null, depthsConfirmed: false },
      later,
    );
    expect(same).toEqual({ ok: true, basis: first.basis });
    const added = {
      sessionDay: '2026-11-25',
      record: { areas: [{ area: 'cheek-left' as const, depthMm: 0.5 }], cartridge: { name: '16-pin', lot: 'C1', expiry: '2024-11' }, products: [{ name: 'HA', lot: 'P9', expiry: '2025-01' }] },
      depths: defaultAreaDepths,
    };
    expect(judgeChange(first.basis, added, { expiredLotReason: null, depthsConfirmed: false }, later)).toEqual({ ok: false, refusals: ['expired-lot'] });
    const changed = judgeChange(first.basis, added, { expiredLotReason: 'Only jar left', depthsConfirmed: false }, later);
    expect(changed.ok && changed.basis.exceptions.map((exception) => (exception.kind === 'expired-lot' ? [exception.lot, exception.byName, exception.reason] : null))).toEqual([
      ['C1', 'Priya Shah', 'No other stock'],
      ['P9', 'Sam Ortiz', 'Only jar left'],
    ]);
    expect(changed.ok && changed.basis.consent?.id).toBe('consent-1');
  });
});
