import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../main/demo/seeded-random';
import type { ClinicSettings } from '../../shared/settings';
import { microneedlingForm } from '../support/consent-forms';
import { pngBomb } from '../support/photo-fixtures';
import { openTrustClinic, type TrustClinic } from '../trust/support/trust-clinic';

/** Settings → Clinic logo, as the screen sends it: the letterhead gets what it needs, no more. */
let clinic: TrustClinic;

async function ok<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
  const result = await clinic.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function setLogo(logo: Uint8Array) {
  const settings = await ok<ClinicSettings>('settings.get');
  return clinic.call('settings.update', { ...settings, logo });
}

async function picture(width: number, height: number, format: 'png' | 'jpeg'): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 160, alpha: 0.5 } } });
  return new Uint8Array(await (format === 'png' ? image.png() : image.flatten({ background: '#ffffff' }).jpeg()).toBuffer());
}

beforeAll(async () => {
  clinic = await openTrustClinic();
}, 60_000);
afterAll(() => clinic?.close());

describe('clinic logo', () => {
  it('refuses a small file that claims a huge picture, says why, and keeps the old logo', async () => {
    const small = await picture(300, 120, 'png');
    expect(await setLogo(small)).toMatchObject({ ok: true });
    const bomb = pngBomb(16_000, 16_000);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const refused = await setLogo(bomb);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('16,000 × 16,000 pixels') } });
    expect((await ok<ClinicSettings>('settings.get')).logo).toEqual(small);
  });

  it('keeps a logo that is already letterhead-sized byte for byte', async () => {
    const small = await picture(480, 200, 'jpeg');
    const saved = await setLogo(small);
    expect(saved.ok && saved.value).toMatchObject({ logo: small });
  });

  it('scales a large logo down to 600 px on its long edge, keeping PNG transparency', async () => {
    const large = await picture(4000, 1600, 'png');
    const saved = await setLogo(large);
    if (!saved.ok) throw new Error(saved.error.message);
    const logo = (saved.value as ClinicSettings).logo!;
    const meta = await sharp(logo).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, hasAlpha: meta.hasAlpha }).toEqual({ format: 'png', width: 600, height: 240, hasAlpha: true });
    expect(logo.length).toBeLessThan(large.length);
  });

  it('a consent PDF with the scaled logo stays small', async () => {
    await setLogo(await picture(4000, 4000, 'png'));
    const services = clinic.runtime.current().services;
    const form = await microneedlingForm(services, new SeededRandom(3), 'None');
    const consent = await ok<{ id: string }>('consents.sign', { clientId: clinic.ids.clientId, sessionId: null, form });
    const pdf = await ok<{ bytes: Uint8Array }>('consents.pdf', { consentId: consent.id });
    expect(pdf.bytes.length).toBeLessThan(400 * 1024);
  });

  it('refuses a file that is not a picture with a sentence, not a code', async () => {
    const fake = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    expect(await setLogo(fake)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('could not be read') } });
  });
});
