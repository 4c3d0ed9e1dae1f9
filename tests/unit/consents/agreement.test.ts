import { describe, expect, it } from 'vitest';
import { kindStanding, photographyJudged, validity } from '../../../main/consents/consent-validity';
import { builtInMarks } from '../../../main/store/migrations/008-declined-consents';
import { clinicalRecordStatementId, formDeclined, hasMustAgree, refusedStatements } from '../../../shared/consents/agreement';
import { builtInTemplates, microneedlingTemplate, photographyTemplate } from '../../../shared/consents/built-in-templates';
import { blankAnswers } from '../../../shared/consents/filled-form';
import { allQuestions, ConsentTemplateDraft, TemplateFile } from '../../../shared/consents/template';

/** Every yes-no answered the unflagged way: the answers of a client who agrees to everything. */
function agreeing() {
  const answers = blankAnswers(microneedlingTemplate);
  for (const question of allQuestions(microneedlingTemplate)) {
    if (question.kind === 'yes-no') answers[question.id] = { answer: question.flagWhen === 'no' ? 'yes' : 'no', detail: '' };
  }
  return answers;
}
const allPhotos = { clinicalRecord: true, teaching: true, marketingFaceVisible: true, marketingFaceHidden: true };
const noPhotos = { clinicalRecord: false, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false };

describe('must-agree statements', () => {
  it('the built-in forms mark their consent statements, and exactly the ones the store migration marks', () => {
    for (const template of builtInTemplates) {
      const marked = allQuestions(template)
        .filter((question) => question.kind === 'yes-no' && question.mustAgree)
        .map((question) => question.id);
      expect(marked, template.id).toEqual(builtInMarks[template.id]?.questions);
      const clinicalRecord = template.sections.some((section) => section.photography?.clinicalRecordMustAgree === true);
      expect(clinicalRecord, template.id).toBe(builtInMarks[template.id]?.clinicalRecord);
      expect(hasMustAgree(template), template.id).toBe(true);
    }
    expect(allQuestions(microneedlingTemplate).find((question) => question.id === 'consent-given')).toMatchObject({ mustAgree: true, required: true });
  });

  it('a client who agrees to every statement gives a consent', () => {
    expect(refusedStatements(microneedlingTemplate, agreeing(), noPhotos)).toEqual([]);
    expect(formDeclined(microneedlingTemplate, agreeing(), allPhotos)).toBe(false);
  });

  it('"No" to "I consent to microneedling…" makes the form declined, naming the statement', () => {
    const answers = { ...agreeing(), 'consent-given': { answer: 'no' as const, detail: '' } };
    expect(formDeclined(microneedlingTemplate, answers, allPhotos)).toBe(true);
    expect(refusedStatements(microneedlingTemplate, answers, allPhotos)).toEqual([
      { id: 'consent-given', label: 'I consent to microneedling treatment as described, for the course agreed with my practitioner.' },
    ]);
  });

  it('"No" to "I have read / I understand / my answers are true" statements declines it too, each named in form order', () => {
    const answers = { ...agreeing(), 'history-complete': { answer: 'no' as const, detail: '' }, 'aftercare-understood': { answer: 'no' as const, detail: '' } };
    expect(refusedStatements(microneedlingTemplate, answers, null).map((statement) => statement.id)).toEqual(['history-complete', 'aftercare-understood']);
  });

  it('an unanswered must-agree statement is not agreement', () => {
    const answers = { ...agreeing(), 'consent-given': { answer: null, detail: '' } };
    expect(formDeclined(microneedlingTemplate, answers, null)).toBe(true);
    const { 'consent-given': _gone, ...missing } = agreeing();
    expect(formDeclined(microneedlingTemplate, missing, null)).toBe(true);
  });

  it('a "No" to a question that is not a must-agree statement (a contraindication) is an answer, not a refusal', () => {
    const answers = { ...agreeing(), 'pre-care-followed': { answer: 'no' as const, detail: '' }, pregnant: { answer: 'yes' as const, detail: '' } };
    expect(formDeclined(microneedlingTemplate, answers, null)).toBe(false);
  });

  it('the photography form asks for clinical-record photos: unticked, it is declined; the treatment form’s photo choices stay separate', () => {
    expect(refusedStatements(photographyTemplate, {}, { ...noPhotos, teaching: true })).toEqual([
      { id: clinicalRecordStatementId, label: photographyTemplate.sections[0]!.photography!.clinicalRecord },
    ]);
    expect(formDeclined(photographyTemplate, {}, null)).toBe(true);
    expect(formDeclined(photographyTemplate, {}, { ...noPhotos, clinicalRecord: true })).toBe(false);
    expect(formDeclined(microneedlingTemplate, agreeing(), noPhotos)).toBe(false);
  });

  it('the mark is template data: it survives export and import, and only yes-no questions carry it', () => {
    const file = TemplateFile.parse(JSON.parse(JSON.stringify({ format: 'skinledger-consent-template', formatVersion: 1, template: microneedlingTemplate })));
    expect(allQuestions(file.template).filter((question) => question.kind === 'yes-no' && question.mustAgree)).toHaveLength(4);
    const choice = { ...microneedlingTemplate.sections[0]!.questions[0]!, mustAgree: true };
    const withChoice = { ...microneedlingTemplate, sections: [{ ...microneedlingTemplate.sections[0]!, questions: [choice] }] };
    expect(ConsentTemplateDraft.safeParse(withChoice).success).toBe(false);
  });
});

describe('what a declined form counts for', () => {
  const facts = { signedAt: '2026-01-31T10:00:00.000Z', major: 1, latestMajor: 1, withdrawn: false, declined: false, validityMonths: 12, today: '2026-06-01' };

  it('a declined form is never valid, whatever its dates', () => {
    expect(validity({ ...facts, declined: true })).toMatchObject({ state: 'declined', staleReason: null });
  });

  it('after a declined form the consent is needed, saying why and when; the session gate sees no valid consent', () => {
    const status = kindStanding('microneedling', { signedAt: facts.signedAt, judged: validity({ ...facts, declined: true }) });
    expect(status).toEqual({ kind: 'microneedling', state: 'needed', staleReason: 'declined', signedAt: facts.signedAt, validUntil: null });
    expect(status.state === 'valid').toBe(false);
    expect(kindStanding('microneedling', null)).toMatchObject({ state: 'needed', staleReason: null, signedAt: null });
    expect(kindStanding('microneedling', { signedAt: facts.signedAt, judged: validity(facts) })).toMatchObject({ state: 'valid', validUntil: '2027-01-31' });
  });

  it('an already-expired consent stays "expired" when a new major version comes later', () => {
    expect(validity({ ...facts, today: '2027-03-01', latestMajor: 2 })).toMatchObject({ state: 'stale', staleReason: 'expired' });
    expect(validity({ ...facts, latestMajor: 2 })).toMatchObject({ state: 'stale', staleReason: 'new-major-version' });
  });

  it('photography counts only with the clinical-record use in force', () => {
    const valid = validity(facts);
    const marketingWithdrawn = { ...allPhotos, marketingFaceVisible: false };
    expect(photographyJudged(valid, allPhotos, marketingWithdrawn)).toEqual(valid);
    expect(photographyJudged(valid, allPhotos, { ...allPhotos, clinicalRecord: false })).toMatchObject({ state: 'stale', staleReason: 'withdrawn' });
    const teachingOnly = { ...noPhotos, teaching: true };
    expect(photographyJudged(valid, teachingOnly, teachingOnly)).toMatchObject({ state: 'declined' });
  });
});
