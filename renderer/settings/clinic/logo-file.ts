import { maxLogoBytes } from '../../../shared/settings';

export type LogoProblem = 'type' | 'size';

/**
 * Checks a picked logo by its first bytes, not its name: a renamed file would otherwise reach
 * the PDF renderer and fail there, at the worst time (printing a consent form).
 */
export function logoProblem(bytes: Uint8Array): LogoProblem | null {
  if (bytes.length > maxLogoBytes) return 'size';
  if (logoMimeType(bytes) === null) return 'type';
  return null;
}

export function logoMimeType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => bytes[i] === byte)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}
