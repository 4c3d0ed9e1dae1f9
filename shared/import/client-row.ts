import { ageOn, ClientInput, type ClientFields } from '../clients/client';
import { confirmOverAge, confirmUnderAge, readDateOfBirth, type DateOrder } from '../clients/date-of-birth';
import { splitFullName } from './full-name';
import type { ColumnMapping, ImportDateOrder, ImportField } from './import-fields';

export type ClientRowReading = { ok: true; client: ClientFields; remarks: string[] } | { ok: false; reasons: string[] };

const dateOrderNames: Record<ImportDateOrder, DateOrder> = { dmy: 'DD/MM/YYYY', mdy: 'MM/DD/YYYY', ymd: 'YYYY-MM-DD' };

/**
 * One row of another system's client list as a SkinLedger client, or the reasons it cannot be one.
 * Nothing is guessed: a name or date of birth that cannot be read refuses the row (the admin fixes
 * the file and imports again; re-importing adds nobody twice). A value the record has no place for
 * as written (a sex or skin type in the old system's own words, an e-mail that is not one) is kept
 * word for word in the client's notes and named in `remarks`, never dropped or "corrected".
 */
export function readClientRow(cells: readonly string[], mapping: ColumnMapping, dateOrder: ImportDateOrder, today: string): ClientRowReading {
  const reasons: string[] = [];
  const remarks: string[] = [];
  const kept: string[] = [];
  const single = (field: ImportField): string => {
    const index = mapping.indexOf(field);
    return index < 0 ? '' : cellText(cells[index]);
  };
  const every = (field: ImportField): string[] => mapping.flatMap((each, index) => (each === field ? [cellText(cells[index])] : [])).filter(Boolean);

  let firstName = single('firstName');
  let lastName = single('lastName');
  if (mapping.includes('fullName')) {
    const full = splitFullName(single('fullName'));
    if (full.ok) ({ firstName, lastName } = full);
    else reasons.push(full.problem === 'empty' ? 'No name.' : `The name "${single('fullName')}" has one word; a first and a last name are needed.`);
  } else {
    if (!firstName) reasons.push('No first name.');
    if (!lastName) reasons.push('No last name.');
  }

  let dateOfBirth: string | null = null;
  const birthText = withoutTime(single('dateOfBirth'));
  if (birthText) {
    const reading = readDateOfBirth(birthText, dateOrderNames[dateOrder], today);
    if (!reading.ok) reasons.push(`The date of birth "${birthText}" is not a date in the chosen order.`);
    else if (reading.iso) {
      const age = ageOn(reading.iso, today);
      if (reading.iso > today) reasons.push(`The date of birth "${birthText}" is in the future.`);
      else if (age < confirmUnderAge || age > confirmOverAge) reasons.push(`The date of birth "${birthText}" makes the client ${age} years old; check it.`);
      else dateOfBirth = reading.iso;
    }
  }

  const sexText = single('sex');
  const sex = readSex(sexText);
  if (sexText && sex === null) keep(`Sex in the old system: ${sexText}`);

  const skinText = single('fitzpatrick');
  const fitzpatrick = readFitzpatrick(skinText);
  if (skinText && fitzpatrick === null) keep(`Skin type in the old system: ${skinText}`);

  let email = single('email');
  if (email && !ClientInput.shape.email.safeParse(email).success) {
    keep(`E-mail in the old system, not a valid address: ${email}`);
    email = '';
  }

  const marketingText = single('marketingConsent');
  const marketing = readYesNo(marketingText);
  if (marketingText && marketing === null) keep(`Marketing opt-in in the old system: ${marketingText} (not understood, so recorded as not given)`);

  const since = withoutTime(single('clientSince'));
  if (since) {
    const reading = readDateOfBirth(since, dateOrderNames[dateOrder], today);
    keep(`Client since ${reading.ok && reading.iso ? reading.iso : since} (from the old system)`);
  }

  const address = [...every('addressLine'), single('postcode')].filter(Boolean).join(', ');
  const notes = [...every('notes'), ...kept].join('\n');

  if (reasons.length > 0) return { ok: false, reasons };
  const parsed = ClientInput.safeParse({
    firstName,
    lastName,
    preferredName: single('preferredName'),
    pronouns: single('pronouns'),
    emergencyContact: single('emergencyContact'),
    dateOfBirth,
    sex: sex ?? '',
    phone: single('phone'),
    email,
    address,
    gp: single('gp'),
    referralSource: single('referralSource'),
    fitzpatrick,
    marketingConsent: marketing ?? false,
    notes,
  });
  if (!parsed.success) {
    return { ok: false, reasons: parsed.error.issues.map((issue) => `${fieldWords[String(issue.path[0])] ?? String(issue.path[0])}: ${issueWords(issue)}`) };
  }
  return { ok: true, client: parsed.data, remarks };

  function keep(line: string): void {
    kept.push(line);
    remarks.push(line);
  }
}

/**
 * A cell as the record keeps it: trimmed, and without the apostrophe that SkinLedger's own CSV
 * writer (and other careful writers) put in front of formula-looking text, so an export imported
 * again gives back "=HYPERLINK(…)" as the same text, never a formula.
 */
export function cellText(cell: string | undefined): string {
  const text = (cell ?? '').trim();
  return /^'[=+\-@\t\r\n]/.test(text) ? text.slice(1) : text;
}

/** "1985-02-01T00:00:00" or "01/02/1985 00:00": other systems write dates of birth as date-times. */
function withoutTime(text: string): string {
  return text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i, '').trim();
}

function readSex(text: string): ClientFields['sex'] | null {
  const word = text
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim();
  if (!word) return '';
  if (['f', 'female', 'woman', 'w'].includes(word)) return 'female';
  if (['m', 'male', 'man'].includes(word)) return 'male';
  if (word === 'intersex') return 'intersex';
  if (['not stated', 'prefer not to say', 'not disclosed', 'undisclosed'].includes(word)) return 'not-stated';
  return null;
}

const romanTypes: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

function readFitzpatrick(text: string): number | null {
  const word = text.toLowerCase().replace(/fitzpatrick|skin|type|[^a-z0-9]/g, '');
  if (/^[1-6]$/.test(word)) return Number(word);
  return romanTypes[word] ?? null;
}

function readYesNo(text: string): boolean | null {
  const word = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  if (!word) return false;
  if (['yes', 'y', 'true', '1', 'opted in', 'optedin', 'opt in', 'subscribed', 'x', 'on'].includes(word)) return true;
  if (['no', 'n', 'false', '0', 'opted out', 'optedout', 'opt out', 'unsubscribed', 'off'].includes(word)) return false;
  return null;
}

const fieldWords: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  emergencyContact: 'Emergency contact',
  phone: 'Phone',
  email: 'E-mail',
  address: 'Address',
  gp: 'GP',
  referralSource: 'Referral source',
  notes: 'Notes',
};

function issueWords(issue: { code: string; message: string; maximum?: unknown }): string {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return `longer than ${issue.maximum} characters`;
  return issue.message;
}
