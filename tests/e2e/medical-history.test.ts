import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { answerTheRest } from './support/history';
import { fillClientForm, profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();
const name = 'Maya Okafor';

describe('medical history: unanswered is not "No"', () => {
  it('refuses an empty history with the list of questions, saves one with "declined to answer", and the update confirms the answers carried forward', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await fillClientForm(page, { firstName: 'Maya', lastName: 'Okafor', dateOfBirth: '14/07/1988' });
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, name).waitFor();

    // No history at all: the profile says the history is incomplete and a session cannot start.
    await page.getByRole('list', { name: 'Screening alerts' }).getByText('History incomplete: no medical history').waitFor();
    await page.getByText('Sessions are blocked by: History incomplete (no medical history recorded).').waitFor();
    expect(await page.getByRole('button', { name: 'Start session' }).first().isDisabled()).toBe(true);

    // Nothing is pre-selected anywhere: saving at once is refused with every question listed.
    await page.getByRole('button', { name: 'Record medical history' }).first().click();
    await page.getByRole('heading', { level: 1, name: `Medical history: ${name}` }).waitFor();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Radiotherapy or chemotherapy?' }).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save medical history' }).click();
    const refusal = page.getByRole('region', { name: 'Not saved: 28 questions have no answer' }).first();
    await refusal.getByRole('link', { name: 'Pregnant or breastfeeding' }).waitFor();
    await refusal.getByRole('link', { name: 'Radiotherapy or chemotherapy' }).waitFor();
    // …and at each field.
    const pregnant = page.getByRole('radiogroup', { name: 'Is the client pregnant or breastfeeding?' });
    expect(await page.getByText('Not answered yet: ask the client, or choose “Client declined to answer”.').count()).toBe(28);
    await checkAccessibility(page, 'medical history refused');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '21a-medical-history-refused');

    // One question declined, the rest answered: saved, and screening says what is unknown.
    await pregnant.getByRole('radio', { name: 'Client declined to answer' }).check();
    await page
      .getByRole('radiogroup', { name: /Last use of retinoids/ })
      .getByRole('radio', { name: 'On a date' })
      .check();
    const today = new Date();
    const daysAgo = (n: number) => {
      const day = new Date(today.getTime() - n * 86_400_000);
      return `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    };
    // 11 days ago is outside the 7-day window: no caution here, none on the history tab.
    await page.getByRole('textbox', { name: /Last use of retinoids or AHA\/BHA exfoliants on the area: Date/ }).fill(daysAgo(11));
    await answerTheRest(page);
    await page.getByRole('button', { name: 'Save medical history' }).click();
    await page.getByRole('heading', { level: 1, name: /Medical history saved/ }).waitFor();
    await page.getByRole('alert').getByText('Pregnant or breastfeeding: declined to answer').waitFor();
    await page.getByRole('button', { name: `Back to ${name}` }).click();

    await profileHeading(page, name).waitFor();
    await page.getByRole('list', { name: 'Screening alerts' }).getByText('History incomplete: 1 unknown answer').waitFor();
    await page.getByText('Sessions are blocked by: History incomplete (Pregnant or breastfeeding: declined to answer).').waitFor();
    expect(await page.getByRole('button', { name: 'Start session' }).first().isDisabled()).toBe(true);
    await page.getByRole('region', { name: 'Screening' }).getByText('Pregnant or breastfeeding: declined to answer').waitFor();
    await checkAccessibility(page, 'profile with an incomplete history');
    await saveScreenshot(page, '21c-profile-history-incomplete');

    // The history tab: "Declined to answer" in words, and no caution for the retinoid outside its window.
    await page.getByRole('tab', { name: 'Medical history' }).click();
    const latest = page.getByRole('region', { name: 'Latest answers' });
    await latest.getByText('Declined to answer', { exact: true }).waitFor();
    expect(await latest.getByText('Caution', { exact: true }).count()).toBe(0);

    // The update starts from these answers, each marked "from DATE" until confirmed.
    await page.getByRole('button', { name: 'Update medical history' }).click();
    await page.getByRole('heading', { level: 1, name: `Medical history: ${name}` }).waitFor();
    const marks = page.getByText(/^From \d\d\/\d\d\/\d{4}: confirm with the client$/);
    expect(await marks.count()).toBe(28);
    await page.getByRole('button', { name: 'Save medical history' }).click();
    await page
      .getByRole('region', { name: /^Not saved: 28 answers from .* are not confirmed$/ })
      .first()
      .waitFor();
    // The client now answers the question they declined; the rest is confirmed section by section.
    await page.getByRole('radiogroup', { name: 'Is the client pregnant or breastfeeding?' }).getByRole('radio', { name: 'No' }).check();
    const treatmentArea = page.getByRole('region', { name: 'The treatment area today' });
    await treatmentArea.getByRole('button', { name: 'Confirm these answers' }).click();
    await treatmentArea.getByText('Confirmed with the client today.').waitFor();
    await page.getByRole('region', { name: 'General health' }).getByRole('button', { name: 'Confirm these answers' }).click();
    await checkAccessibility(page, 'medical history update');
    // The list now names only what still stops the save.
    await page
      .getByRole('region', { name: /^Not saved: 11 answers from .* are not confirmed$/ })
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'General health' }).getByText('Confirmed with the client today.').waitFor();
    await page.getByRole('region', { name: 'Medication' }).scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -330)');
    await saveScreenshot(page, '21b-medical-history-confirm');
    for (const section of ['Medication', 'Recent treatments in the area', 'Allergies and anything else']) {
      await page.getByRole('region', { name: section }).getByRole('button', { name: 'Confirm these answers' }).click();
    }
    expect(await marks.count()).toBe(0);
    await page.getByRole('button', { name: 'Save medical history' }).click();
    await page.getByRole('heading', { level: 1, name: /Medical history saved/ }).waitFor();
    await page.getByRole('status').getByText('No stops or cautions: treatment can go ahead.').waitFor();

    const saved = app.calls.filter((call) => call.channel === 'medicalHistory.record').at(-1)?.input as { confirmed: { questions: string[] } };
    expect(saved.confirmed.questions).toHaveLength(27);
    expect(saved.confirmed.questions).not.toContain('pregnantOrBreastfeeding');

    // The tab shows which answers were confirmed on the day; the earlier entry keeps "Declined to answer".
    await page.getByRole('button', { name: 'See the answers' }).click();
    const newest = page.getByRole('region', { name: 'Latest answers' });
    await newest
      .getByText(/^\(From \d\d\/\d\d\/\d{4}, confirmed\)$/)
      .first()
      .waitFor();
    expect(await newest.getByText(/, confirmed\)$/).count()).toBe(27);
    expect(await page.getByRole('list', { name: 'Screening alerts' }).count()).toBe(0);
    expect(await page.getByText(/Sessions are blocked by/).count()).toBe(0);
    await checkAccessibility(page, 'medical history tab with confirmed answers');
  });
});
