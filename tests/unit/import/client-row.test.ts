import { describe, expect, it } from 'vitest';
import { readClientRow } from '../../../shared/import/client-row';
import { splitFullName } from '../../../shared/import/full-name';
import { guessMapping, mappingProblems, type ColumnMapping } from '../../../shared/import/import-fields';

const today = '2026-12-07';

describe('guessing what each column holds', () => {
  it('knows the spellings other systems and spreadsheets use', () => {
    expect(
      guessMapping([
        'First Name',
        'Surname',
        'D.O.B.',
        'Mobile',
        'E-mail Address',
        'Address 1',
        'Address 2',
        'Post Code',
        'Gender',
        'Skin Type',
        'Client Since',
        'Marketing Opt-in',
        'Notes',
        'Loyalty points',
      ]),
    ).toEqual(['firstName', 'lastName', 'dateOfBirth', 'phone', 'email', 'addressLine', 'addressLine', 'postcode', 'sex', 'fitzpatrick', 'clientSince', 'marketingConsent', 'notes', 'ignore']);
  });

  it('uses a full-name column only when there are no first and last name columns, and never guesses a field twice', () => {
    expect(guessMapping(['Client', 'Phone', 'Mobile'])).toEqual(['fullName', 'phone', 'ignore']);
    expect(guessMapping(['Name', 'First name', 'Last name'])).toEqual(['ignore', 'firstName', 'lastName']);
  });

  it('says what is wrong with a mapping in words', () => {
    expect(mappingProblems(['firstName', 'lastName'])).toEqual([]);
    expect(mappingProblems(['firstName', 'phone'])).toEqual(['Choose the columns with the first and last name, or one column with the full name.']);
    expect(mappingProblems(['fullName', 'phone', 'phone'])).toEqual(['More than one column is set to "Phone". Choose one.']);
  });
});

describe('splitting a full name', () => {
  it.each([
    ['Anna Smith', 'Anna', 'Smith'],
    ['Smith, Anna Maria', 'Anna Maria', 'Smith'],
    ['Dr. Anna Smith', 'Anna', 'Smith'],
    ['Anna Maria van der Berg', 'Anna Maria', 'van der Berg'],
    ['Jean-Luc  Picard', 'Jean-Luc', 'Picard'],
    ['  Zoë   Brontë ', 'Zoë', 'Brontë'],
  ])('%s', (cell, firstName, lastName) => {
    expect(splitFullName(cell)).toEqual({ ok: true, firstName, lastName });
  });

  it('does not invent half a name from one word', () => {
    expect(splitFullName('Madonna')).toEqual({ ok: false, problem: 'one-word' });
  });
});

describe('reading one row as a client', () => {
  const mapping: ColumnMapping = ['fullName', 'dateOfBirth', 'sex', 'fitzpatrick', 'email', 'marketingConsent', 'addressLine', 'postcode', 'clientSince', 'notes'];

  it('reads a whole row, dates in the chosen order with two-digit years in the past', () => {
    const reading = readClientRow(['Zoë Brontë', '01/02/85', 'F', 'III', 'zoe@example.com', 'Yes', '1 High St', 'AB1 2CD', '2019-03-02 10:00', 'Prefers mornings'], mapping, 'dmy', today);
    expect(reading).toMatchObject({
      ok: true,
      client: { firstName: 'Zoë', lastName: 'Brontë', dateOfBirth: '1985-02-01', sex: 'female', fitzpatrick: 3, email: 'zoe@example.com', marketingConsent: true, address: '1 High St, AB1 2CD' },
    });
    if (reading.ok) expect(reading.client.notes).toBe('Prefers mornings\nClient since 2019-03-02 (from the old system)');
    expect(readClientRow(['Ann Lee', '02/01/1985'], ['fullName', 'dateOfBirth'], 'mdy', today)).toMatchObject({ ok: true, client: { dateOfBirth: '1985-02-01' } });
  });

  it('refuses a row whose name or date of birth cannot be read, with the reason', () => {
    expect(readClientRow(['Madonna', '01/02/1985'], ['fullName', 'dateOfBirth'], 'dmy', today)).toEqual({
      ok: false,
      reasons: ['The name "Madonna" has one word; a first and a last name are needed.'],
    });
    expect(readClientRow(['Anna Smith', '31/02/1985'], ['fullName', 'dateOfBirth'], 'dmy', today)).toEqual({
      ok: false,
      reasons: ['The date of birth "31/02/1985" is not a date in the chosen order.'],
    });
    expect(readClientRow(['Anna Smith', '01/02/1890'], ['fullName', 'dateOfBirth'], 'dmy', today)).toEqual({
      ok: false,
      reasons: ['The date of birth "01/02/1890" makes the client 136 years old; check it.'],
    });
    expect(readClientRow(['Anna', ''], ['firstName', 'lastName'], 'dmy', today)).toEqual({ ok: false, reasons: ['No last name.'] });
    expect(readClientRow(['Anna', 'x'.repeat(101)], ['firstName', 'lastName'], 'dmy', today)).toEqual({ ok: false, reasons: ['Last name: longer than 100 characters'] });
  });

  it('keeps a value it has no place for word for word in the notes, never corrected or dropped', () => {
    const reading = readClientRow(['Anna Smith', '', 'Non-binary', 'olive', 'not-an-email', 'maybe'], mapping, 'dmy', today);
    expect(reading).toMatchObject({ ok: true, client: { sex: '', fitzpatrick: null, email: '', marketingConsent: false } });
    if (reading.ok) {
      expect(reading.client.notes.split('\n')).toEqual([
        'Sex in the old system: Non-binary',
        'Skin type in the old system: olive',
        'E-mail in the old system, not a valid address: not-an-email',
        'Marketing opt-in in the old system: maybe (not understood, so recorded as not given)',
      ]);
      expect(reading.remarks).toHaveLength(4);
    }
  });

  it('stores formula-looking text as text, and takes off the guard apostrophe its own export added', () => {
    const reading = readClientRow(['Anna', 'Smith', '\'=HYPERLINK("http://x")', '=1+1'], ['firstName', 'lastName', 'notes', 'notes'], 'dmy', today);
    expect(reading).toMatchObject({ ok: true, client: { notes: '=HYPERLINK("http://x")\n=1+1' } });
  });
});
