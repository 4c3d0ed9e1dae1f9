import { describe, expect, it } from 'vitest';
import { answersInWords } from '../../../shared/screening/answers-in-words';
import { answerState, blankMedicalHistory, DateAnswer, MedicalHistoryAnswers, questionKeys, unansweredQuestions } from '../../../shared/screening/medical-history';
import { historyIncomplete, questionAlerts, screen, screeningRules, stopQuestions } from '../../../shared/screening/rules';
import { fromLegacyAnswers, readStoredHistory, storeHistory } from '../../../shared/screening/stored-history';
import { answeredHistory, declined, lastOn, yes } from '../../support/medical-history';

const today = '2026-11-25';

describe('unanswered is not "No"', () => {
  it('a new questionnaire has no answer anywhere: yes/no, dates, the radiotherapy choice and the free text', () => {
    const blank = blankMedicalHistory();
    for (const key of questionKeys) expect(blank[key].answer, key).toBeNull();
    expect(unansweredQuestions(blank)).toEqual(questionKeys);
  });

  it('"never", a date and no answer are three different answers to a date question', () => {
    expect(DateAnswer.safeParse({ answer: 'never', date: null }).success).toBe(true);
    expect(DateAnswer.safeParse({ answer: 'on', date: '2026-11-01' }).success).toBe(true);
    expect(DateAnswer.safeParse({ answer: null, date: null }).success).toBe(true);
    expect(DateAnswer.safeParse({ answer: 'on', date: null }).success).toBe(false);
    expect(DateAnswer.safeParse({ answer: 'never', date: '2026-11-01' }).success).toBe(false);
  });

  it('"client declined to answer" is its own answer, kept as such, and counts as answered for saving', () => {
    const answers = answeredHistory({ pregnantOrBreastfeeding: declined() });
    expect(MedicalHistoryAnswers.parse(answers).pregnantOrBreastfeeding.answer).toBe('declined');
    expect(answerState(answers, 'pregnantOrBreastfeeding')).toBe('declined');
    expect(unansweredQuestions(answers)).toEqual([]);
  });

  it('the free text needs something written when the answer is that there is something', () => {
    expect(MedicalHistoryAnswers.safeParse(answeredHistory({ allergies: { answer: 'some', text: '' } })).success).toBe(false);
  });
});

describe('history incomplete', () => {
  it('no history at all is incomplete, a stop', () => {
    expect(historyIncomplete(null)).toEqual({ noHistory: true, missing: [] });
    expect(screen(null, today)).toEqual([expect.objectContaining({ rule: 'history-incomplete', level: 'stop' })]);
  });

  it("an unanswered or declined answer to a stop's question makes it incomplete, naming the questions", () => {
    const answers = { ...answeredHistory({ pregnantOrBreastfeeding: declined() }), cancerTreatment: { answer: null } };
    expect(historyIncomplete(answers)).toEqual({
      noHistory: false,
      missing: [
        { question: 'pregnantOrBreastfeeding', state: 'declined' },
        { question: 'cancerTreatment', state: 'unanswered' },
      ],
    });
    const alert = screen(answers, today)[0]!;
    expect(alert).toMatchObject({ rule: 'history-incomplete', level: 'stop' });
    expect(alert.summary).toContain('Pregnant or breastfeeding (declined to answer)');
    expect(alert.summary).toContain('Radiotherapy or chemotherapy (not answered)');
  });

  it("a declined answer to a caution's or the free text's question does not block", () => {
    const answers = answeredHistory({ diabetes: declined(), allergies: { answer: 'declined', text: '' } });
    expect(historyIncomplete(answers)).toBeNull();
    expect(screen(answers, today)).toEqual([]);
  });

  it("every stop rule's question is watched", () => {
    expect(stopQuestions).toHaveLength(screeningRules.filter((r) => r.level === 'stop').length);
    for (const question of stopQuestions) {
      expect(historyIncomplete({ ...answeredHistory(), [question]: { ...answeredHistory()[question], answer: null } })?.missing, question).toEqual([{ question, state: 'unanswered' }]);
    }
  });

  it('a complete history with nothing to report is clear', () => {
    expect(historyIncomplete(answeredHistory())).toBeNull();
  });
});

describe('one window for the history tab and the screening', () => {
  it('a retinoid 11 days ago is not flagged anywhere with the 7-day window; 6 days ago it is, in both', () => {
    const eleven = answeredHistory({ lastRetinoidOrExfoliant: lastOn('2026-11-14') });
    expect(questionAlerts(eleven, today)).toEqual({});
    expect(screen(eleven, today)).toEqual([]);
    const six = answeredHistory({ lastRetinoidOrExfoliant: lastOn('2026-11-19') });
    expect(questionAlerts(six, today)).toEqual({ lastRetinoidOrExfoliant: 'caution' });
    expect(screen(six, today).map((a) => a.rule)).toEqual(['recent-retinoid-or-exfoliant']);
  });

  it('flags exactly the questions whose alerts the screening raises, for every rule', () => {
    const answers = answeredHistory({ sunburnInArea: yes(), diabetes: yes(), lastWaxingInArea: lastOn('2026-11-24'), lastChemicalPeel: lastOn('2026-01-01') });
    const flagged = questionAlerts(answers, today);
    expect(Object.keys(flagged).sort()).toEqual(['diabetes', 'lastWaxingInArea', 'sunburnInArea']);
    expect(
      screen(answers, today)
        .map((a) => a.rule)
        .sort(),
    ).toEqual(['diabetes', 'recent-waxing', 'sunburn']);
  });
});

describe('stored histories', () => {
  const legacy = {
    isotretinoinLastDose: null,
    pregnantOrBreastfeeding: { yes: false, detail: '' },
    activeInfectionInArea: { yes: false, detail: '' },
    coldSoreOutbreakNow: { yes: false, detail: '' },
    activeAcneOrOpenLesionsInArea: { yes: false, detail: '' },
    skinCancerOrActinicKeratosisInArea: { yes: false, detail: '' },
    keloidOrHypertrophicScarring: { yes: false, detail: '' },
    cancerTreatment: 'longer-ago',
    immunosuppressed: { yes: false, detail: '' },
    bleedingDisorder: { yes: false, detail: '' },
    allergyToMetalOrAnaesthetic: { yes: false, detail: '' },
    sunburnInArea: { yes: false, detail: '' },
    anticoagulantsOrAntiplatelets: { yes: true, detail: 'aspirin' },
    diabetes: { yes: false, detail: '' },
    autoimmuneOrCollagenDisease: { yes: false, detail: '' },
    steroidTherapy: { yes: false, detail: '' },
    inflammatorySkinConditionInArea: { yes: false, detail: '' },
    historyOfColdSores: { yes: false, detail: '' },
    lastToxinOrFillerInArea: '2026-11-01',
    lastChemicalPeel: null,
    lastLaserOrIpl: null,
    lastWaxingInArea: null,
    lastRetinoidOrExfoliant: null,
    scarsUnderSixMonthsInArea: { yes: false, detail: '' },
    tattooOrPermanentMakeupInArea: { yes: false, detail: '' },
    currentMedications: 'aspirin 75 mg',
    allergies: '',
    otherConditions: '',
  };

  it('an entry of the earlier form reads as it was stored, flagged as the earlier form', () => {
    const read = readStoredHistory(JSON.stringify(legacy));
    expect(read.legacyForm).toBe(true);
    expect(read.answers.pregnantOrBreastfeeding).toEqual({ answer: 'no', detail: '' });
    expect(read.answers.anticoagulantsOrAntiplatelets).toEqual({ answer: 'yes', detail: 'aspirin' });
    expect(read.answers.cancerTreatment).toEqual({ answer: 'longer-ago' });
    expect(read.answers.lastToxinOrFillerInArea).toEqual({ answer: 'on', date: '2026-11-01' });
    expect(read.answers.lastChemicalPeel).toEqual({ answer: 'never', date: null });
    expect(read.answers.currentMedications).toEqual({ answer: 'some', text: 'aspirin 75 mg' });
    // Nothing was written: nothing is claimed (not "none").
    expect(read.answers.allergies).toEqual({ answer: null, text: '' });
    expect(fromLegacyAnswers(legacy)).toEqual(read.answers);
  });

  it('a new entry round-trips with the answers confirmed on the day', () => {
    const answers = answeredHistory({ diabetes: declined() });
    const carried = { fromEntryId: 'e1', fromRecordedAt: '2026-10-01T09:00:00.000Z', questions: ['diabetes' as const] };
    expect(readStoredHistory(storeHistory(answers, carried))).toEqual({ answers, carriedForward: carried, legacyForm: false });
  });

  it('exports say "Not answered", "Client declined to answer" and "answer from DATE, confirmed" in words', () => {
    const answers = { ...answeredHistory({ diabetes: declined() }), allergies: { answer: null, text: '' } } as MedicalHistoryAnswers;
    const words = answersInWords({ answers, legacyForm: false, carriedForward: { fromRecordedAt: '2026-10-01T09:00:00.000Z', questions: ['sunburnInArea'] } });
    expect(words['Diabetes']).toBe('Client declined to answer');
    expect(words['Allergies']).toBe('Not answered');
    expect(words['Sunburn in the area']).toBe('No (answer from 2026-10-01, confirmed with the client)');
    expect(words['Last chemical peel']).toBe('Never');
  });
});

describe('the history tab flags what the screening raised', () => {
  it('flags the question behind each alert, and nothing for the history-incomplete alert', async () => {
    const { flaggedQuestions } = await import('../../../shared/screening/rules');
    const answers = answeredHistory({ lastRetinoidOrExfoliant: lastOn('2026-11-19'), sunburnInArea: yes(), diabetes: declined() });
    expect(flaggedQuestions(screen(answers, today))).toEqual({ lastRetinoidOrExfoliant: 'caution', sunburnInArea: 'stop' });
    expect(flaggedQuestions(screen(answeredHistory({ lastRetinoidOrExfoliant: lastOn('2026-11-14') }), today))).toEqual({});
    expect(flaggedQuestions(screen(answeredHistory({ pregnantOrBreastfeeding: declined() }), today))).toEqual({});
  });
});
