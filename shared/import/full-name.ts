/** Titles other systems put in front of a name; they are not part of it. */
const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'lady', 'lord']);

/** Words that belong to the surname that follows them: "van der Berg", "de la Cruz", "bin Ahmad". */
const particles = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'st',
  'st.',
  'ten',
  'ter',
  'bin',
  'binti',
  'al',
  'el',
  'ibn',
  'mac',
  'af',
  'zu',
]);

export type FullNameReading = { ok: true; firstName: string; lastName: string } | { ok: false; problem: 'one-word' | 'empty' };

/**
 * One full-name cell as first and last name. "Smith, Anna" is surname first (the comma says so);
 * otherwise the last word is the surname, with the particles in front of it ("Anna van der Berg" →
 * Anna / van der Berg). A title in front is left out. A single word is not guessed at: the row is
 * reported so the admin can fix it, as the record never invents half a name.
 */
export function splitFullName(cell: string): FullNameReading {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (!text) return { ok: false, problem: 'empty' };
  const comma = text.indexOf(',');
  if (comma > 0) {
    const lastName = text.slice(0, comma).trim();
    const firstName = withoutTitle(
      text
        .slice(comma + 1)
        .trim()
        .split(' '),
    ).join(' ');
    return lastName && firstName ? { ok: true, firstName, lastName } : { ok: false, problem: 'one-word' };
  }
  const words = withoutTitle(text.split(' '));
  if (words.length < 2) return { ok: false, problem: 'one-word' };
  let start = words.length - 1;
  while (start > 1 && particles.has(words[start - 1]!.toLowerCase())) start -= 1;
  return { ok: true, firstName: words.slice(0, start).join(' '), lastName: words.slice(start).join(' ') };
}

function withoutTitle(words: string[]): string[] {
  const first = words[0]?.toLowerCase().replace(/\.$/, '');
  return words.length > 1 && first && titles.has(first) ? words.slice(1) : words;
}
