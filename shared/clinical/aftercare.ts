/**
 * The aftercare sheet printed for the client after a session, from the domain notes: the one
 * text main prints as a PDF (with a session consent, or alone from the session form) and the
 * session form's aftercare panel shows.
 */
export const aftercareSheet = {
  title: 'After your microneedling treatment',
  intro: 'Your skin has been treated with fine needles. This is what to expect and how to look after it.',
  points: [
    'Redness like mild sunburn for 12–48 hours, and light flaking on days 2–3, are normal.',
    'No make-up for 24–48 hours.',
    'Wash with a gentle cleanser and lukewarm water; use a plain moisturiser or hyaluronic acid.',
    'No retinoids, acids, vitamin C or benzoyl peroxide for 5–7 days.',
    'Use a mineral sunscreen SPF 30+ from 24 hours and keep out of the sun.',
    'No heavy exercise, sauna or swimming for 24–72 hours.',
    'Do not pick or scratch flaking skin.',
    'Contact the clinic straight away if you notice signs of infection: spreading redness, heat, pus or fever.',
  ],
} as const;
