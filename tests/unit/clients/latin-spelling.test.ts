import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../shared/clients/client-search-fields';
import { latinSpellings } from '../../../shared/clients/latin-spelling';

const spell = (name: string) => latinSpellings(foldForSearch(name));

describe('Latin spellings of names in other scripts', () => {
  it('spells Cyrillic and Greek names in Latin letters', () => {
    expect(spell('Иванова')).toEqual(['ivanova']);
    expect(spell('Ольга Петрова')).toEqual(['olga', 'petrova']);
    expect(spell('Σαπφώ')).toEqual(['sapfo']);
  });

  it('adds the spellings a front desk hears: a silent initial p, and ου as ou', () => {
    expect(spell('Ψάπφω')).toEqual(['psapfo', 'sapfo']);
    expect(spell('Μουσταφά')).toEqual(['moystafa', 'moustafa']);
    // A Cyrillic у is already u; only the Greek ου is respelled.
    expect(spell('Суслова')).toEqual(['suslova']);
  });

  it('gives nothing for Latin names, accented or not, nor for emoji', () => {
    expect(spell('Zoë Nguyễn Søren Psmith')).toEqual([]);
    expect(spell('Zoë 🌸')).toEqual([]);
  });

  it('spells only the non-Latin words of a mixed name', () => {
    expect(spell('Anna Иванова')).toEqual(['ivanova']);
  });
});
