/**
 * Folding for client search, applied to what is indexed and to what is typed, so "zoe" finds
 * "Zoë", "soren" finds "Søren" and "nguyen" finds "Nguyễn". SQLite's unicode61 tokenizer removes
 * combining accents; letters that are not accented forms (ø, æ, ß, ł, đ) are spelled out here.
 */
const spelledOut: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđðþı]/g, (letter) => spelledOut[letter] ?? letter);
}

/** Words of a search box, folded; at most 8 so a pasted paragraph cannot build a huge query. */
export function searchTokens(typed: string): string[] {
  return (foldForSearch(typed).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/** Digits of a phone number, so "07700 900-123" and "+44 7700900123" are found by their digits. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}
