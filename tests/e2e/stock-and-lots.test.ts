import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../main/demo/seeded-random';
import { microneedlingForm } from '../support/consent-forms';
import { answeredHistory } from '../support/medical-history';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { faceRegion, profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

/** A Mantine Select by its label: a combobox when searchable, a textbox otherwise. */
const select = (page: Page, name: string) => page.getByRole('combobox', { name }).or(page.getByRole('textbox', { name })).first();

/** A day `days` from today on this computer, as the clinic types it (DD/MM/YYYY). */
function typedDay(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${String(day.getDate()).padStart(2, '0')}/${String(day.getMonth() + 1).padStart(2, '0')}/${day.getFullYear()}`;
}

describe('stock and lots', () => {
  it('receives a delivery of two lots, picks one at the chair (stock goes down), refuses the expired one without a reason, warns on Home, recalls the client and writes the lot off as recalled', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir);
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    // The client is ready to treat (history and consent) and the catalogue holds the cartridge: what this flow is about starts at the delivery.
    const { services, staff } = app.runtime.current();
    const client = services.clients.create(staff.id, { firstName: 'Ines', lastName: 'Carvalho' });
    services.medicalHistory.record(staff.id, client.id, answeredHistory());
    await services.consents.sign(staff.id, client.id, null, await microneedlingForm(services, new SeededRandom(3), 'None'));
    services.stock.addProduct(staff.id, {
      category: 'cartridge',
      name: '16-pin cartridge',
      maker: 'Demo Needles',
      model: 'C16',
      configuration: '16-pin',
      compatibleDevice: 'Demo Pen',
      size: '',
      minimumOnHand: 5,
    });

    // Receive a delivery of two lots: one expiring in three weeks, one already expired.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Stock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await page.getByRole('tab', { name: 'Receive delivery' }).click();
    await page.getByRole('textbox', { name: 'Supplier' }).fill('Demo Supplies Ltd');
    const line = async (number: number, lot: string, expiry: string, quantity: string) => {
      await select(page, `Product (line ${number})`).click();
      await page.getByRole('option', { name: '16-pin cartridge' }).click();
      await page.getByRole('textbox', { name: `Lot number (line ${number})` }).fill(lot);
      await page.getByRole('textbox', { name: `Expiry (line ${number})` }).fill(expiry);
      await page.getByRole('textbox', { name: `Quantity (line ${number})` }).fill(quantity);
    };
    await line(1, 'CT-2026-0412', typedDay(21), '10');
    await page.getByRole('button', { name: 'Add line' }).click();
    await line(2, 'CT-OLD-1', '01/2025', '2');
    await page.getByRole('button', { name: 'Receive delivery' }).click();
    const onHand = page.getByRole('table', { name: 'On hand' });
    await onHand.getByRole('row', { name: /CT-2026-0412.*10/ }).waitFor();
    await onHand.getByRole('row', { name: /CT-OLD-1.*Expired.*2/ }).waitFor();
    await page.getByRole('button', { name: 'Save stock report (CSV)' }).click();
    await page.getByRole('button', { name: 'Save stock report (CSV)' }).waitFor();
    await checkAccessibility(page, 'stock on hand');
    await saveScreenshot(page, '90-stock-on-hand');

    expect(app.calls.some((call) => call.channel === 'stock.report')).toBe(true);

    // At the chair: the expired lot is offered as expired and needs a reason; the fresh one saves and takes one off the shelf.
    await openNav(page, 'Clients');
    await page.getByRole('option', { name: /Ines Carvalho/ }).click();
    await profileHeading(page, 'Ines Carvalho').waitFor();
    await page.getByRole('button', { name: 'Start session' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New session: Ines Carvalho' }).waitFor();
    await faceRegion(page, 'Forehead').click();
    const picker = select(page, 'Cartridge from stock');
    await picker.fill('old');
    await page.getByRole('option', { name: /CT-OLD-1 · EXPIRED/ }).click();
    expect(await page.getByRole('textbox', { name: 'Cartridge lot' }).inputValue()).toBe('CT-OLD-1');
    await page.getByRole('checkbox', { name: /Aftercare explained/ }).check();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByText('Give the reason for using an expired lot (at least 5 characters), or change the lot.').waitFor();
    expect(app.calls.some((call) => call.channel === 'sessions.record')).toBe(false);
    await picker.click();
    await picker.fill('0412');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    expect(await page.getByRole('textbox', { name: 'Cartridge lot' }).inputValue()).toBe('CT-2026-0412');
    await page.getByText('From stock: saving the session takes one off the shelf.').waitFor();
    expect(await page.getByRole('region', { name: 'An expired lot is used' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Device and needles' }).evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, '91-session-lot-picker');
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('tab', { name: 'Treatments', selected: true }).waitFor();
    expect(services.stock.lotsNamed('CT-2026-0412')[0]!.onHand).toBe(9);

    // Home: the lot expiring within 30 days, the expired lot on the shelf.
    await openNav(page, 'Home');
    const card = page.getByRole('region', { name: 'Stock' });
    await card
      .getByRole('list', { name: 'Expiring within 30 days' })
      .getByText(/CT-2026-0412 .* 9 on hand/)
      .waitFor();
    await card
      .getByRole('list', { name: 'Expired, still on the shelf' })
      .getByText(/CT-OLD-1/)
      .waitFor();
    await card.evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, '92-home-stock-card');

    // A recall of the used lot, typed as a maker's notice prints it, finds the client.
    await nav.getByRole('button', { name: 'Lot recall' }).click();
    const lot = page.getByRole('textbox', { name: 'Lot number' });
    await lot.fill('ct2026 0412');
    await lot.press('Enter');
    await page.getByText('1 client treated with lot “ct2026 0412”').waitFor();
    await page.getByRole('button', { name: 'Ines Carvalho' }).waitFor();
    // The maker's recall: what is left of the lot comes off the shelf in one step.
    const inStock = page.getByRole('region', { name: 'This lot in stock' });
    await inStock.getByText('16-pin cartridge · lot CT-2026-0412 · 9 on hand').waitFor();
    await inStock.getByRole('button', { name: 'Write off 16-pin cartridge lot CT-2026-0412 as recalled' }).click();
    await inStock.getByText('16-pin cartridge · lot CT-2026-0412 · 0 on hand').waitFor();
    await checkAccessibility(page, 'lot recall with the lot in stock');
  });
});
