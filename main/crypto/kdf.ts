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

/** Only for tests that create many slots; a slot records its own parameters, so they still open. */
export const fastScryptForTests: ScryptParams = { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 };

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
