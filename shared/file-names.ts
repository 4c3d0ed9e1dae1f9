/**
 * Text made safe to be part of a file name a clinic will see and open: letters in any script
 * stay as typed, but nothing that could change what the name says or where the file goes.
 * Removed: control and format characters (Unicode Cc and Cf: bidi overrides such as U+202E,
 * which would show "Anna\u202Egpj.exe" as "Annaexe.jpg", zero-width and joiner marks), line and
 * paragraph separators, path separators and the characters Windows refuses (\ / : * ? " < > |).
 * Runs of spaces become one; leading and trailing dots and spaces go (Windows drops them, and a
 * leading dot hides a file). Cut to `max` characters without splitting one; a name left empty, or
 * one Windows reserves for a device (CON, NUL, COM1...), becomes `fallback`.
 */
export function safeFileNamePart(text: string, fallback: string, max = 80): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\/:*?"<>|]/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const cut = [...cleaned]
    .slice(0, max)
    .join('')
    .replace(/[\s.]+$/u, '');
  if (!cut || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cut)) return fallback;
  return cut;
}
