import { describe, expect, it } from 'vitest';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { expectSignedIn, signIn } from './support/screens';

const harness = useAppPerTest();

describe('the idle lock', () => {
  it('locks after the clinic’s idle minutes without activity, and activity postpones it', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir, fakeClock: true });
    const { page } = app;

    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // Four minutes pass, then someone moves the mouse: the five minutes start again.
    await page.clock.fastForward('04:00');
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await page.clock.fastForward('04:30');
    await expectSignedIn(page);
    expect(app.calls.some((call) => call.channel === 'session.lock')).toBe(false);

    // Then nothing for over five minutes: locked, with the reason recorded as idle.
    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { name: 'Screen locked' }).waitFor();
    expect(app.calls.filter((call) => call.channel === 'session.lock')).toEqual([{ channel: 'session.lock', input: { reason: 'idle' } }]);
    expect(app.runtime.isLocked()).toBe(true);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(app.faults).toEqual([]);
  });
});
