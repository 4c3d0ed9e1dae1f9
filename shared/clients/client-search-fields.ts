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

/** Letters and digits of a run of text as one word: "anna.smith@example.com" → "annasmithexamplecom". */
function compact(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join('');
}

/**
 * Words of a search box, folded; at most 8 so a pasted paragraph cannot build a huge query. An
 * e-mail address typed whole is one word, as it is indexed (see emailSearchWords).
 */
export function searchTokens(typed: string): string[] {
  const words: string[] = [];
  for (const chunk of foldForSearch(typed).split(/\s+/)) {
    if (chunk.includes('@')) {
      const whole = compact(chunk);
      if (whole) words.push(whole);
    } else {
      words.push(...(chunk.match(/[\p{L}\p{N}]+/gu) ?? []));
    }
  }
  return words.slice(0, 8);
}

/**
 * What an e-mail address puts in the search index: the words before the @ ("anna", "smith") and
 * the whole address as one word. Not the domain's own words: "c" or "g" would otherwise find
 * every client with a .com or gmail address, burying the names being typed.
 */
export function emailSearchWords(email: string): string {
  const folded = foldForSearch(email.trim());
  if (!folded) return '';
  const local = folded.split('@')[0] ?? '';
  return [...(local.match(/[\p{L}\p{N}]+/gu) ?? []), compact(folded)].join(' ');
}

/** Digits of a phone number, so "07700 900-123" and "+44 7700900123" are found by their digits. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}
