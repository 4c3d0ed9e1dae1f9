import type { ConsentTemplateDraft, Question, RichBlock, RichSpan, SignatureStatements } from './template';

/**
 * The templates every clinic starts with, written from the clinical facts in the domain notes.
 * Seeded as version 1.0 the first time consents are used; from then on the clinic edits and
 * publishes its own versions, and these are never consulted again for that template id.
 */

type Words = string | RichSpan;
const span = (words: Words): RichSpan => (typeof words === 'string' ? { text: words } : words);
const bold = (text: string): RichSpan => ({ text, bold: true });
const p = (...words: Words[]): RichBlock => ({ kind: 'paragraph', spans: words.map(span) });
const bullets = (...items: (Words | Words[])[]): RichBlock => ({
  kind: 'bullets',
  items: items.map((item) => (Array.isArray(item) ? item.map(span) : [span(item)])),
});
const yesNo = (id: string, label: string, extra: Partial<Extract<Question, { kind: 'yes-no' }>> = {}): Question => ({
  id,
  kind: 'yes-no',
  label,
  required: true,
  ...extra,
});

const signatures: SignatureStatements = {
  client: 'I have read and understood this form, my questions have been answered, and I give my consent as recorded above.',
  guardian:
    'I am the parent or legal guardian of the client, or otherwise entitled to consent on their behalf. I have read and understood this form and I give consent on their behalf as recorded above.',
  witness: 'I witnessed the client (or their guardian) sign this form.',
  practitioner: "I have explained the treatment, its expected benefits, alternatives and risks, reviewed the client's medical history and answers, and answered their questions.",
};

const photographyChoices = {
  clinicalRecord: 'Photographs may be taken and kept in my clinical record, to plan and follow my treatment.',
  teaching: 'Anonymised photographs may be used for training and teaching (no name, and no face unless it cannot be recognised).',
  marketingFaceVisible: "Photographs showing my face may be used in the clinic's marketing (website, social media, leaflets).",
  marketingFaceHidden: "Photographs with my face hidden (cropped or blurred) may be used in the clinic's marketing.",
};

const photographyExplained: RichBlock[] = [
  p(
    'Before, during and after a course, we take photographs to plan your treatment and see how your skin responds. We use the same backdrop, lighting and distance each time, without make-up, with your hair held back: a front view, both sides at 45°, both profiles and close-ups of the treated area.',
  ),
  p(bold('Each choice below is separate.'), ' You may agree to some and not others. Saying no to any of them does not affect your treatment.'),
  p(
    'Photographs are kept encrypted on the clinic computer with your record. Location data is removed from every photograph. You may withdraw any choice at any time by telling us; a withdrawal applies from then on and does not recall material already published.',
  ),
];

export const microneedlingTemplate: ConsentTemplateDraft = {
  id: 'microneedling',
  title: 'Microneedling (collagen induction therapy) consent',
  kind: 'microneedling',
  summary: 'Please read each section, initial where asked, answer every question and sign at the end. Ask us about anything that is not clear.',
  sections: [
    {
      id: 'procedure',
      title: 'The treatment',
      body: [
        p(
          'Microneedling, also called ',
          bold('collagen induction therapy'),
          ', uses a pen or roller fitted with fine sterile needles to make many tiny channels in the skin. The skin responds as it does to a small wound, building new collagen and elastin over the following weeks. Serums may be applied during the treatment so that they reach the deeper layers through these channels.',
        ),
        p(
          'Before treatment the skin is cleansed and a numbing cream may be applied. The practitioner sets the needle depth for each area, usually between 0.25 mm and 1.0 mm on the face and up to 2.0 mm on acne scars or stretch marks. Treatment usually takes 30 to 60 minutes. The aim is even redness with, at most, pinpoint bleeding.',
        ),
        p('Microneedling is used for acne scarring, fine lines and wrinkles, stretch marks, uneven pigmentation, skin texture and enlarged pores, and is suitable for all skin types.'),
      ],
      questions: [
        {
          id: 'numbing',
          kind: 'choice',
          label: 'Numbing before treatment',
          required: true,
          options: [
            { id: 'topical-anaesthetic', label: 'I would like a topical numbing cream' },
            { id: 'none', label: 'I do not want a numbing cream' },
            { id: 'ask-practitioner', label: 'I will decide with the practitioner' },
          ],
        },
      ],
      initials: false,
    },
    {
      id: 'results',
      title: 'Expected benefits and results',
      body: [
        p(
          'Microneedling can improve skin texture and firmness and soften scars, lines and pigmentation. Collagen builds gradually: improvement is usually seen over 4 to 12 weeks after a session and continues for some months.',
        ),
        bullets(
          [bold('Results vary'), ' from person to person and ', bold('are not guaranteed'), '.'],
          'Most people need a course of 3 to 6 sessions, 4 to 6 weeks apart, and some need maintenance sessions later.',
          'Deep scars and stretch marks improve but rarely disappear completely.',
        ),
      ],
      questions: [],
      initials: true,
    },
    {
      id: 'alternatives',
      title: 'Alternatives',
      body: [
        p(
          'Other ways to treat the same concerns include chemical peels, laser or light-based resurfacing, radiofrequency treatments, prescription skin creams such as retinoids, dermal fillers for some scars and lines, or no treatment at all. Your practitioner can talk you through how these compare for your skin.',
        ),
      ],
      questions: [],
      initials: false,
    },
    {
      id: 'risks-expected',
      title: 'Risks: expected effects',
      body: [
        p('These are normal and usually settle on their own within a few days:'),
        bullets(
          'redness like mild sunburn for 12 to 48 hours;',
          'swelling, mild bruising and pinpoint bleeding during and just after treatment;',
          'itching, a feeling of tightness, dryness;',
          'flaking or peeling on days 2 to 3.',
        ),
      ],
      questions: [],
      initials: true,
    },
    {
      id: 'risks-uncommon',
      title: 'Risks: less common',
      body: [
        bullets(
          'Small white bumps (milia) or a flare of acne breakouts.',
          [bold('Darker or lighter patches'), ' of skin (hyper- or hypopigmentation). This is more likely in darker skin types and with sun exposure; it usually fades but can take months.'],
          'A cold-sore flare in people who get cold sores, even years after the last one. An antiviral may be suggested beforehand.',
        ),
      ],
      questions: [],
      initials: true,
    },
    {
      id: 'risks-rare',
      title: 'Risks: rare',
      body: [
        bullets(
          [bold('Infection'), ' (bacterial, viral or fungal), which may need treatment.'],
          [bold('Allergic reaction'), ' to the numbing cream, a serum or the needle metal (stainless steel, nickel). A reaction can appear days or weeks later.'],
          'Small firm lumps under the skin (granulomas), usually a reaction to a product applied during treatment.',
          'Visible lines or dots in a grid pattern (track marks).',
          [bold('Scarring'), ', which is rare.'],
        ),
        p('Tell us straight away if you notice increasing pain, heat, pus, spreading redness, a rash or a fever after treatment.'),
      ],
      questions: [],
      initials: true,
    },
    {
      id: 'medical-history',
      title: 'Your medical history',
      body: [p('Some conditions and medicines mean microneedling must be postponed or done with extra care. Please answer honestly; your answers are kept confidential in your clinical record.')],
      questions: [
        yesNo('history-complete', 'I have completed the medical history questionnaire fully and truthfully.', { flagWhen: 'no', mustAgree: true }),
        yesNo('history-changed', 'Has anything about your health, medicines or skin changed since you completed it?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'What has changed?', required: true },
        }),
        yesNo('isotretinoin', 'Have you taken isotretinoin (Roaccutane, Accutane) in the last 6 months?', { flagWhen: 'yes' }),
        yesNo('pregnant', 'Are you pregnant, possibly pregnant, or breastfeeding?', { flagWhen: 'yes' }),
        yesNo('skin-now', 'Do you have a cold sore, an infection, active acne, sunburn or an open wound in the area to be treated today?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'Please describe it.', required: true },
        }),
        yesNo('recent-treatments', 'In the last 4 weeks, have you had anti-wrinkle injections, filler, a chemical peel, laser or IPL in the area to be treated?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'Which treatment, and when?', required: true },
        }),
        yesNo('questions-answered', 'I have been able to ask questions and they have been answered to my satisfaction.', { flagWhen: 'no', mustAgree: true }),
      ],
      initials: true,
    },
    {
      id: 'pre-care',
      title: 'Before your treatment',
      body: [
        bullets(
          'Stop retinoids and exfoliating acids (AHA, BHA) 5 to 7 days before.',
          'Avoid anti-inflammatory painkillers (such as ibuprofen or aspirin) for 3 days before, unless a doctor prescribed them.',
          'No laser, IPL, sunbeds or unprotected sun for 2 weeks before.',
          'If you get cold sores, ask us about taking an antiviral 1 to 2 days before.',
          'Arrive with clean skin and no make-up.',
        ),
      ],
      questions: [yesNo('pre-care-followed', 'I have followed the pre-treatment instructions, or told the practitioner where I have not.', { flagWhen: 'no' })],
      initials: true,
    },
    {
      id: 'aftercare',
      title: 'After your treatment',
      body: [
        bullets(
          'Redness for 12 to 48 hours and flaking on days 2 to 3 are normal.',
          'No make-up for 24 to 48 hours.',
          'Wash with a gentle cleanser and tepid water; use a plain moisturiser or hyaluronic acid.',
          'No retinoids, acids, vitamin C or benzoyl peroxide for 5 to 7 days.',
          'Use a mineral sunscreen, SPF 30 or higher, from 24 hours after treatment, and avoid the sun.',
          'No heavy exercise, sauna, steam room or swimming for 24 to 72 hours.',
          'Do not pick or scratch flaking skin.',
          'Contact the clinic if you see signs of infection.',
        ),
        p('You will be given a printed copy of these instructions.'),
      ],
      questions: [yesNo('aftercare-understood', 'I understand the aftercare instructions and will follow them.', { flagWhen: 'no', mustAgree: true })],
      initials: true,
    },
    {
      id: 'photography',
      title: 'Photographs (separate consent)',
      body: photographyExplained,
      questions: [],
      initials: false,
      photography: photographyChoices,
    },
    {
      id: 'declaration',
      title: 'Consent to treatment',
      body: [
        bullets(
          'I understand what microneedling involves, its expected benefits, the alternatives and the risks described above.',
          'I understand that results vary and are not guaranteed, and that several sessions may be needed.',
          'I confirm that my medical history is complete and true, and I will tell the clinic about any change before each session.',
          'I understand the pre- and aftercare instructions.',
        ),
      ],
      questions: [yesNo('consent-given', 'I consent to microneedling treatment as described, for the course agreed with my practitioner.', { flagWhen: 'no', mustAgree: true })],
      initials: false,
    },
  ],
  signatures,
};

export const photographyTemplate: ConsentTemplateDraft = {
  id: 'photography',
  title: 'Photography consent',
  kind: 'photography',
  summary: 'How the clinic may take and use photographs of you. Each choice is separate, and you may change your mind at any time.',
  sections: [
    {
      id: 'photography',
      title: 'Your photography choices',
      body: photographyExplained,
      questions: [],
      initials: false,
      // This form is the photography consent: photos for the record are what it asks for.
      photography: { ...photographyChoices, clinicalRecordMustAgree: true },
    },
  ],
  signatures,
};

export const medicalHistoryUpdateTemplate: ConsentTemplateDraft = {
  id: 'medical-history-update',
  title: 'Medical history update',
  kind: 'medical-history-update',
  summary: 'Please tell us about any change since your last visit, so that today’s treatment is safe for you.',
  sections: [
    {
      id: 'changes',
      title: 'Since your last visit',
      body: [p('Answer every question. If you are not sure, answer yes and tell the practitioner.')],
      questions: [
        yesNo('health-changed', 'Has your general health changed, or have you been diagnosed with a new condition?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'What has changed?', required: true },
        }),
        yesNo('medicines-changed', 'Have you started, stopped or changed any medicine or supplement (including blood thinners, steroids and acne medicines)?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'Which medicine, and since when?', required: true },
        }),
        yesNo('isotretinoin', 'Have you taken isotretinoin (Roaccutane, Accutane) in the last 6 months?', { flagWhen: 'yes' }),
        yesNo('pregnant', 'Are you pregnant, possibly pregnant, or breastfeeding?', { flagWhen: 'yes' }),
        yesNo('skin-now', 'Do you have a cold sore, an infection, active acne, sunburn or an open wound in the area to be treated?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'Please describe it.', required: true },
        }),
        yesNo('recent-treatments', 'Since your last visit, have you had anti-wrinkle injections, filler, a chemical peel, laser, IPL or waxing in the area?', {
          flagWhen: 'yes',
          detailWhenYes: { label: 'Which treatment?', required: true },
        }),
        { id: 'last-other-treatment', kind: 'date', label: 'Date of that treatment, if you had one', required: false },
        { id: 'anything-else', kind: 'text', label: 'Anything else we should know?', required: false, multiline: true, maxLength: 1000 },
      ],
      initials: false,
    },
    {
      id: 'confirmation',
      title: 'Confirmation',
      body: [p('I confirm that the answers above, together with my medical history on file, are complete and true.')],
      questions: [yesNo('answers-true', 'My answers are complete and true.', { flagWhen: 'no', mustAgree: true })],
      initials: true,
    },
  ],
  signatures,
};

export const builtInTemplates: readonly ConsentTemplateDraft[] = [microneedlingTemplate, photographyTemplate, medicalHistoryUpdateTemplate];
