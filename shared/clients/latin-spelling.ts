import anyAscii from 'any-ascii';

/** A word with a letter of another script than Latin (Cyrillic, Greek…). */
const nonLatinWord = /[\p{L}\p{N}]*[^\P{L}\p{Script=Latin}][\p{L}\p{N}]*/gu;

/**
 * The Latin spellings a front desk may type for the words of a name written in another script,
 * so "ivanova" finds "Иванова" and "sapfo" finds "Ψάπφω". The transliteration library gives one
 * spelling (Ψάπφω → psapfo, Μουσταφά → moystafa); spelling as heard adds a silent initial "p"
 * dropped ("sapfo") and the Greek "ου" as "ou". Latin words give nothing, so the index of
 * Latin names (nearly every client) does not grow.
 */
export function latinSpellings(text: string): string[] {
  const spellings = new Set<string>();
  for (const word of text.match(nonLatinWord) ?? []) {
    const latin = (
      anyAscii(word)
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? []
    ).join('');
    if (!latin) continue;
    for (const spelling of asHeard(word, latin)) spellings.add(spelling);
  }
  return [...spellings];
}

function asHeard(word: string, latin: string): string[] {
  const spellings = [latin];
  if (/ου/iu.test(word) && latin.includes('oy')) spellings.push(latin.replaceAll('oy', 'ou'));
  for (const spelling of [...spellings]) {
    if (spelling.startsWith('ps') && spelling.length > 2) spellings.push(spelling.slice(1));
  }
  return spellings;
}
