import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ConsentTemplateDraft, Question } from '../../../shared/consents/template';
import { screenshotFolder, screenshotsTaken } from './screenshots';
import { screenSettled } from './settle';

/** The touchscreen size the client-mode screens are also judged at. */
export const touchscreenViewport = { width: 1280, height: 800 };

/**
 * Draws on a pad the way a hand does: pointer down, a run of moves along a path, pointer up.
 * `path` is in fractions of the pad's box, so the same shape fits any pad size.
 */
export async function drawOn(page: Page, pad: Locator, path: readonly (readonly [number, number])[]): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the pad is not on screen');
  const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  const [startX, startY] = at(path[0]!);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  for (const point of path.slice(1)) {
    const [x, y] = at(point);
    await page.mouse.move(x, y, { steps: 6 });
  }
  await page.mouse.up();
}

/** A looping signature across most of the pad. */
export const signaturePath = [
  [0.1, 0.6],
  [0.2, 0.3],
  [0.28, 0.65],
  [0.36, 0.3],
  [0.45, 0.6],
  [0.55, 0.35],
  [0.62, 0.62],
  [0.72, 0.3],
  [0.8, 0.58],
  [0.9, 0.4],
] as const;

/** Two quick letters. */
export const initialsPath = [
  [0.15, 0.75],
  [0.25, 0.2],
  [0.35, 0.75],
  [0.5, 0.2],
  [0.6, 0.75],
  [0.75, 0.25],
] as const;

/** A slip of the pen: a dot. */
export const dotPath = [
  [0.5, 0.5],
  [0.505, 0.5],
] as const;

/** What the test client answers: every question the "safe" way except the ones named in `yes`. */
export function plannedAnswers(template: ConsentTemplateDraft, yes: Record<string, string>): Map<string, { question: Question; text: string }> {
  const planned = new Map<string, { question: Question; text: string }>();
  for (const section of template.sections) {
    for (const question of section.questions) {
      if (question.kind === 'yes-no') {
        const detail = yes[question.id];
        const answer = detail !== undefined ? 'yes' : question.flagWhen === 'yes' ? 'no' : 'yes';
        planned.set(question.id, { question, text: answer === 'yes' ? (detail ? `Yes — ${detail}` : 'Yes') : 'No' });
      } else if (question.kind === 'choice') {
        planned.set(question.id, { question, text: question.options[1]?.label ?? question.options[0]!.label });
      }
    }
  }
  return planned;
}

/** Answers one question on the client-mode screen as planned. */
export async function answer(page: Page, question: Question, text: string): Promise<void> {
  if (question.kind === 'yes-no') {
    const group = page.getByRole('radiogroup', { name: question.label });
    const yes = text.startsWith('Yes');
    await group.getByRole('radio', { name: yes ? 'Yes' : 'No', exact: true }).check();
    const detail = text.split(' — ')[1];
    if (yes && detail && question.detailWhenYes) await page.getByRole('textbox', { name: question.detailWhenYes.label }).fill(detail);
  } else if (question.kind === 'choice') {
    await page.getByRole('radiogroup', { name: question.label }).getByRole('radio', { name: text }).check();
  }
}

/** Saves the screen at the touchscreen size as tests/e2e/screenshots/<name>.png, then returns to the front-desk size. */
export async function saveTouchscreenShot(page: Page, name: string, arrange?: () => Promise<unknown>): Promise<void> {
  await page.setViewportSize(touchscreenViewport);
  await arrange?.();
  await page.mouse.move(touchscreenViewport.width - 2, touchscreenViewport.height - 2);
  await screenSettled(page);
  if (screenshotsTaken) {
    mkdirSync(screenshotFolder, { recursive: true });
    const path = join(screenshotFolder, `${name}.png`);
    await page.screenshot({ path: `${path}.tmp`, type: 'png', animations: 'disabled', caret: 'hide' });
    renameSync(`${path}.tmp`, path);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/**
 * Goes through every section of client mode as planned: answers, the clinical-record photo choice
 * where there is one, initials, Next. Leaves the screen on the signature step.
 */
export async function fillSectionsAsPlanned(page: Page, template: ConsentTemplateDraft, planned: ReturnType<typeof plannedAnswers>): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  for (const section of template.sections) {
    await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
    for (const question of section.questions) await answer(page, question, planned.get(question.id)!.text);
    if (section.photography) await page.getByRole('checkbox', { name: section.photography.clinicalRecord }).check();
    if (section.initials) {
      await drawOn(page, page.getByRole('img', { name: /^Initials pad/ }), initialsPath);
      await page.getByRole('img', { name: 'Initials pad, initialled.' }).waitFor();
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
}
