import { hkdfSync } from 'node:crypto';

/**
 * The key for photo files, derived from the data key with HKDF-SHA256 so a photo key is never
 * the database key: knowing one file's key says nothing about the database, and the derivation
 * names its purpose and version.
 */
export function photoFileKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('skinledger photo files'), Buffer.from('photo-file-key v1'), 32));
}
