import type { ScryptParams } from '../../main/crypto/kdf';

/**
 * Only for tests that create many slots; a slot records its own parameters, so they still open.
 * A vault accepts this cost only when it is given it for its own new slots, which no shipped
 * entry point does (see testScryptLimits in main/crypto/kdf.ts).
 */
export const fastScryptForTests: ScryptParams = { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 };
