import { scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt N=2^17, r=8, p=1 (128 MiB, OWASP's password-storage minimum for scrypt). On a 2020s
 * front-desk PC one guess costs about 0.3-0.8 s of one core and 128 MiB, so an offline attack on a
 * stolen key file is slow and memory-bound; an unlock still feels immediate. scrypt comes with
 * node:crypto and Electron alike, so no native add-on is needed for it.
 */
export const productionScrypt: ScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/**
 * The scrypt costs a slot may ask for. A slot records its own parameters, so without limits an
 * attacker who can write the key file could make a slot cheap to guess at (or costly enough to
 * hang every sign-in). The limits come from the code, never from the file.
 */
export interface ScryptLimits {
  minN: number;
  maxN: number;
  r: readonly [min: number, max: number];
  p: readonly [min: number, max: number];
}

/** What the app makes and accepts: from today's cost up to 8x it (at most 1 GiB of memory). */
export const productionScryptLimits: ScryptLimits = { minN: 2 ** 17, maxN: 2 ** 20, r: [8, 8], p: [1, 4] };

/**
 * Tests only: also accepts the cheap cost tests give new slots (N = 2^10). A vault accepts it only when it was given a test
 * cost for its own new slots (VaultOptions.scrypt below the production range), which no shipped
 * entry point does.
 */
export const testScryptLimits: ScryptLimits = { ...productionScryptLimits, minN: 2 ** 10 };

export function scryptWithin(params: Pick<ScryptParams, 'N' | 'r' | 'p'>, limits: ScryptLimits): boolean {
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  return powerOfTwo && params.N >= limits.minN && params.N <= limits.maxN && params.r >= limits.r[0] && params.r <= limits.r[1] && params.p >= limits.p[0] && params.p <= limits.p[1];
}

/** The limits a vault making slots at this cost accepts: production unless the cost is a test cost. */
export function scryptLimitsFor(params: ScryptParams): ScryptLimits {
  if (scryptWithin(params, productionScryptLimits)) return productionScryptLimits;
  if (scryptWithin(params, testScryptLimits)) return testScryptLimits;
  throw new Error('Slot KDF cost outside both the production and the test range');
}

export function deriveKeyFromPassword(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs 128 * N * r bytes; allow that plus headroom, and no more.
    maxmem: 128 * params.N * params.r + 16 * 1024 * 1024,
  };
  // Passwords are normalised so the same password typed on another keyboard layout or OS
  // (composed vs decomposed accents) opens the same slot.
  const normalised = password.normalize('NFC');
  return new Promise((resolve, reject) => {
    // Async scrypt runs on libuv's thread pool: the window stays responsive while it works.
    scryptCallback(normalised, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
