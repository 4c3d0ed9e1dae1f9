import { describe, expect, it } from 'vitest';
import type { MedicalHistoryAnswers } from '../../../shared/screening/medical-history';
import { answeredHistory, lastOn } from '../../support/medical-history';
import { defaultScreeningSettings, hasStop, screen, screeningRules, withinMonths } from '../../../shared/screening/rules';

const today = '2026-11-25';
const yes = { answer: 'yes' as const, detail: '' };

type Case = { rule: string; level: 'stop' | 'caution'; triggers: Partial<MedicalHistoryAnswers>; justOutside?: Partial<MedicalHistoryAnswers> };

/** One row per rule: the answer that must raise it, and (for time windows) the day it no longer does. */
const cases: Case[] = [
  { rule: 'isotretinoin-recent', level: 'stop', triggers: { isotretinoinLastDose: lastOn('2026-05-26') }, justOutside: { isotretinoinLastDose: lastOn('2026-05-25') } },
  { rule: 'pregnant-or-breastfeeding', level: 'stop', triggers: { pregnantOrBreastfeeding: yes } },
  { rule: 'active-infection', level: 'stop', triggers: { activeInfectionInArea: yes } },
  { rule: 'cold-sore-outbreak', level: 'stop', triggers: { coldSoreOutbreakNow: yes } },
  { rule: 'active-acne-or-lesions', level: 'stop', triggers: { activeAcneOrOpenLesionsInArea: yes } },
  { rule: 'skin-cancer-in-area', level: 'stop', triggers: { skinCancerOrActinicKeratosisInArea: yes } },
  { rule: 'keloid-tendency', level: 'stop', triggers: { keloidOrHypertrophicScarring: yes } },
  { rule: 'cancer-treatment', level: 'stop', triggers: { cancerTreatment: { answer: 'current' } }, justOutside: { cancerTreatment: { answer: 'longer-ago' } } },
  { rule: 'immunosuppressed', level: 'stop', triggers: { immunosuppressed: yes } },
  { rule: 'bleeding-disorder', level: 'stop', triggers: { bleedingDisorder: yes } },
  { rule: 'metal-or-anaesthetic-allergy', level: 'stop', triggers: { allergyToMetalOrAnaesthetic: yes } },
  { rule: 'sunburn', level: 'stop', triggers: { sunburnInArea: yes } },
  { rule: 'anticoagulants', level: 'caution', triggers: { anticoagulantsOrAntiplatelets: yes } },
  { rule: 'diabetes', level: 'caution', triggers: { diabetes: yes } },
  { rule: 'autoimmune', level: 'caution', triggers: { autoimmuneOrCollagenDisease: yes } },
  { rule: 'steroid-therapy', level: 'caution', triggers: { steroidTherapy: yes } },
  { rule: 'inflammatory-skin-condition', level: 'caution', triggers: { inflammatorySkinConditionInArea: yes } },
  { rule: 'cold-sore-history', level: 'caution', triggers: { historyOfColdSores: yes } },
  { rule: 'recent-toxin-or-filler', level: 'caution', triggers: { lastToxinOrFillerInArea: lastOn('2026-10-29') }, justOutside: { lastToxinOrFillerInArea: lastOn('2026-10-28') } },
  { rule: 'recent-chemical-peel', level: 'caution', triggers: { lastChemicalPeel: lastOn('2026-11-05') }, justOutside: { lastChemicalPeel: lastOn('2026-11-04') } },
  { rule: 'recent-laser-or-ipl', level: 'caution', triggers: { lastLaserOrIpl: lastOn('2026-11-12') }, justOutside: { lastLaserOrIpl: lastOn('2026-11-11') } },
  { rule: 'recent-waxing', level: 'caution', triggers: { lastWaxingInArea: lastOn('2026-11-23') }, justOutside: { lastWaxingInArea: lastOn('2026-11-22') } },
  { rule: 'recent-retinoid-or-exfoliant', level: 'caution', triggers: { lastRetinoidOrExfoliant: lastOn('2026-11-19') }, justOutside: { lastRetinoidOrExfoliant: lastOn('2026-11-18') } },
  { rule: 'recent-scars', level: 'caution', triggers: { scarsUnderSixMonthsInArea: yes } },
  { rule: 'tattoo-or-pmu', level: 'caution', triggers: { tattooOrPermanentMakeupInArea: yes } },
];

describe('contraindication screening', () => {
  it('has a case below for every rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(screeningRules.map((r) => r.rule).sort());
  });

  it('a history answered with nothing to report raises nothing', () => {
    expect(screen(answeredHistory(), today)).toEqual([]);
  });

  describe.each(cases)('$rule', ({ rule, level, triggers, justOutside }) => {
    it(`raises a ${level} for the answer that matters, and only that`, () => {
      const alerts = screen(answeredHistory(triggers), today);
      expect(alerts.map((a) => [a.rule, a.level])).toEqual([[rule, level]]);
      expect(hasStop(alerts)).toBe(level === 'stop');
    });

    if (justOutside) {
      it('is quiet just outside its window', () => {
        expect(screen(answeredHistory(justOutside), today)).toEqual([]);
      });
    }
  });

  it("the isotretinoin window is the clinic's setting (3 months in some clinics)", () => {
    const history = answeredHistory({ isotretinoinLastDose: lastOn('2026-07-01') });
    expect(screen(history, today).map((a) => a.rule)).toEqual(['isotretinoin-recent']);
    expect(screen(history, today, { ...defaultScreeningSettings, isotretinoinWindowMonths: 3 })).toEqual([]);
  });

  it('counts calendar months across a year end', () => {
    expect(withinMonths('2025-08-01', '2026-01-31', 6)).toBe(true);
    expect(withinMonths('2025-07-30', '2026-01-31', 6)).toBe(false);
  });

  it('several answers raise several alerts, stops first', () => {
    const alerts = screen(answeredHistory({ diabetes: yes, sunburnInArea: yes }), today);
    expect(alerts.map((a) => a.rule)).toEqual(['sunburn', 'diabetes']);
  });
});
