import { describe, expect, it } from 'vitest';
import { builtInTemplates, microneedlingTemplate, photographyTemplate } from '../../../shared/consents/built-in-templates';
import { blankAnswers, clientPartSchema, signedFormSchema, type FilledForm } from '../../../shared/consents/filled-form';
import { canonicalFormText, parseCanonicalForm, type CanonicalForm } from '../../../shared/consents/form-hash';
import { inkProblem, type Ink } from '../../../shared/consents/ink';
import { ConsentTemplateDraft, TemplateFile, allQuestions, flaggedQuestions } from '../../../shared/consents/template';

const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
const zigzag = (count: number, height: number): Ink => ({
  png,
  width: 400,
  height: 150,
  strokes: [Array.from({ length: count }, (_, i) => ({ x: 10 + i * 10, y: i % 2 === 0 ? 20 : 20 + height, t: i * 10 }))],
});
const signature = { ink: zigzag(20, 40), drawnAt: null };

function completeMicroneedlingForm(): FilledForm {
  const answers = blankAnswers(microneedlingTemplate);
  for (const question of allQuestions(microneedlingTemplate)) {
    if (question.kind === 'yes-no') answers[question.id] = { answer: question.flagWhen === 'no' ? 'yes' : 'no', detail: '' };
  }
  answers['numbing'] = 'topical-anaesthetic';
  const initials: Record<string, Ink> = {};
  for (const section of microneedlingTemplate.sections) if (section.initials) initials[section.id] = zigzag(8, 20);
  return {
    templateId: 'microneedling',
    templateVersion: { major: 1, minor: 0 },
    answers,
    initials,
    photography: { clinicalRecord: true, teaching: false, marketingFaceVisible: false, marketingFaceHidden: true },
    guardian: null,
    signatures: { client: signature, guardian: null, witness: null, practitioner: signature },
  };
}

const adult = { guardianRequired: false };
const version = { major: 1, minor: 0 };

describe('consent templates as data', () => {
  it('every built-in template passes the template schema and survives a JSON file round trip', () => {
    for (const template of builtInTemplates) {
      expect(ConsentTemplateDraft.safeParse(template).success, template.id).toBe(true);
      const file = JSON.parse(JSON.stringify({ format: 'skinledger-consent-template', formatVersion: 1, template }));
      expect(TemplateFile.parse(file).template).toEqual(template);
    }
  });

  it('the microneedling consent has initialled risk sections and the four photography choices', () => {
    const initialled = microneedlingTemplate.sections.filter((s) => s.initials).map((s) => s.id);
    expect(initialled).toEqual(expect.arrayContaining(['risks-expected', 'risks-uncommon', 'risks-rare', 'medical-history', 'pre-care', 'aftercare']));
    const photos = microneedlingTemplate.sections.find((s) => s.photography)?.photography;
    expect(Object.keys(photos ?? {}).sort()).toEqual(['clinicalRecord', 'marketingFaceHidden', 'marketingFaceVisible', 'teaching']);
  });

  it('refuses a template that uses one question id twice, or smuggles HTML-ish extra keys', () => {
    const twice = structuredClone(photographyTemplate);
    twice.sections.push({ ...twice.sections[0]!, photography: undefined });
    expect(ConsentTemplateDraft.safeParse(twice).success).toBe(false);
    const extra = { ...structuredClone(photographyTemplate), html: '<script>alert(1)</script>' };
    expect(ConsentTemplateDraft.safeParse(extra).success).toBe(false);
  });
});

describe('the form schema a template derives', () => {
  it('accepts a complete form', () => {
    const result = signedFormSchema(microneedlingTemplate, version, adult).safeParse(completeMicroneedlingForm());
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('names each missing piece where the form shows it', () => {
    const form = completeMicroneedlingForm();
    form.answers['pregnant'] = { answer: null, detail: '' };
    form.answers['recent-treatments'] = { answer: 'yes', detail: ' ' };
    form.answers['numbing'] = 'laser';
    delete form.initials['risks-rare'];
    form.photography = null;
    const { practitioner: _countersignature, ...clientSignatures } = form.signatures;
    const result = clientPartSchema(microneedlingTemplate, version, adult).safeParse({ ...form, signatures: clientSignatures });
    const where = (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'answers.pregnant.answer: Answer yes or no.',
        'answers.recent-treatments.detail: Give the details.',
        'answers.numbing: Choose one.',
        'initials.risks-rare: Initial this section.',
        'photography: Make the photography choices.',
      ]),
    );
  });

  it('refuses a dot, a tick or a short dash as a signature or initials', () => {
    expect(inkProblem([[{ x: 5, y: 5, t: 0 }]], 'signature')).toBe('too-few-points');
    expect(inkProblem(zigzag(20, 2).strokes, 'signature')).toBe('too-small');
    expect(inkProblem(zigzag(4, 20).strokes, 'initials')).toBe('too-few-points');
    const form = completeMicroneedlingForm();
    form.signatures.client = { ink: zigzag(20, 2), drawnAt: null };
    expect(signedFormSchema(microneedlingTemplate, version, adult).safeParse(form).success).toBe(false);
  });

  it('a minor needs a guardian, who then signs instead of the client', () => {
    const form = completeMicroneedlingForm();
    const schema = signedFormSchema(microneedlingTemplate, version, { guardianRequired: true });
    expect(schema.safeParse(form).error?.issues.map((i) => i.path.join('.'))).toContain('guardian');
    form.guardian = { name: 'Анна Петрова', relationship: 'Mother', reason: 'minor' };
    form.signatures = { client: null, guardian: signature, witness: null, practitioner: signature };
    expect(schema.safeParse(form).success).toBe(true);
  });

  it('refuses a form filled on another template or version', () => {
    const form = { ...completeMicroneedlingForm(), templateVersion: { major: 2, minor: 0 } };
    expect(signedFormSchema(microneedlingTemplate, version, adult).safeParse(form).success).toBe(false);
  });

  it('lists the answers a practitioner reviews before countersigning', () => {
    const form = completeMicroneedlingForm();
    form.answers['pregnant'] = { answer: 'yes', detail: '' };
    expect(flaggedQuestions(microneedlingTemplate, form.answers).map((q) => q.id)).toEqual(['pregnant']);
  });
});

describe('the canonical form text the hash covers', () => {
  const form = completeMicroneedlingForm();
  const canonical = (): CanonicalForm => ({
    consentId: 'c1',
    clientId: 'k1',
    templateId: form.templateId,
    templateVersion: form.templateVersion,
    answers: form.answers,
    initials: form.initials,
    photography: form.photography,
    guardian: null,
    signatures: [{ role: 'client', name: 'Zoë Nguyễn', signedAt: '2026-11-25T10:00:00.000Z', ink: form.signatures.client!.ink }],
    deviceName: 'FRONT-DESK',
    signedAt: '2026-11-25T10:00:00.000Z',
  });

  it('does not depend on key order, and reads back to the same form with the same bytes', () => {
    const a = canonical();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as CanonicalForm;
    expect(canonicalFormText(reordered)).toBe(canonicalFormText(a));
    const back = parseCanonicalForm(canonicalFormText(a));
    expect(back.signatures[0]!.ink.png).toEqual(png);
    expect(canonicalFormText(back)).toBe(canonicalFormText(a));
  });

  it('changes when an answer, an initial or the template version changes', () => {
    const base = canonicalFormText(canonical());
    expect(canonicalFormText({ ...canonical(), answers: { ...form.answers, pregnant: { answer: 'yes', detail: '' } } })).not.toBe(base);
    expect(canonicalFormText({ ...canonical(), templateVersion: { major: 1, minor: 1 } })).not.toBe(base);
    const initials = { ...form.initials, 'risks-rare': zigzag(9, 20) };
    expect(canonicalFormText({ ...canonical(), initials })).not.toBe(base);
  });
});
