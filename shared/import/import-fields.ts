import { z } from 'zod';

/**
 * What a column of another system's client list can become in SkinLedger. `ignore` keeps a
 * column out; address lines are joined in their column order into the one address field.
 */
export const importFields = [
  'ignore',
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'phone',
  'email',
  'addressLine',
  'postcode',
  'sex',
  'fitzpatrick',
  'gp',
  'emergencyContact',
  'referralSource',
  'clientSince',
  'marketingConsent',
  'notes',
] as const;
export const ImportField = z.enum(importFields);
export type ImportField = z.infer<typeof ImportField>;

/** Fields that may come from several columns: address lines are joined, notes gathered, any column left out. */
const repeatableFields: readonly ImportField[] = ['ignore', 'addressLine', 'notes'];

/** Fields that may come from one column only, in the list's order. */
export const singleColumnFields: readonly ImportField[] = importFields.filter((field) => !repeatableFields.includes(field));

/** One field per column, in the file's column order. */
export const ColumnMapping = z.array(ImportField).max(500);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const dateOrders = ['dmy', 'mdy', 'ymd'] as const;
export const ImportDateOrder = z.enum(dateOrders);
export type ImportDateOrder = z.infer<typeof ImportDateOrder>;

/** Header spellings seen in other systems' exports and in clinics' spreadsheets, folded (see foldHeader). */
const spellings: Record<Exclude<ImportField, 'ignore'>, readonly string[]> = {
  firstName: ['firstname', 'first', 'forename', 'forenames', 'givenname', 'given', 'fname', 'clientfirstname', 'patientfirstname', 'christianname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'clientlastname', 'patientlastname'],
  fullName: ['name', 'fullname', 'clientname', 'patientname', 'client', 'patient', 'customer', 'customername', 'contactname'],
  preferredName: ['preferredname', 'knownas', 'nickname', 'preferred'],
  pronouns: ['pronouns', 'pronoun'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthdate', 'birthday', 'born', 'birth', 'dateofbirthddmmyyyy', 'dobddmmyyyy', 'dobmmddyyyy'],
  phone: ['phone', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'telephone', 'tel', 'phonenumber', 'contactnumber', 'homephone', 'mobileno'],
  email: ['email', 'emailaddress', 'mail', 'e_mail'],
  addressLine: [
    'address',
    'address1',
    'address2',
    'address3',
    'addressline1',
    'addressline2',
    'addressline3',
    'street',
    'streetaddress',
    'town',
    'city',
    'county',
    'state',
    'region',
    'country',
    'suburb',
  ],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'eircode'],
  sex: ['sex', 'gender'],
  fitzpatrick: ['fitzpatrick', 'skintype', 'fitzpatrickskintype', 'fitzpatricktype', 'fitzpatrickscale'],
  gp: ['gp', 'doctor', 'gpname', 'familydoctor', 'physician', 'gpdetails'],
  emergencyContact: ['emergencycontact', 'nextofkin', 'emergencycontactname', 'emergency', 'ice', 'incaseofemergency'],
  referralSource: ['referral', 'referralsource', 'referredby', 'source', 'howdidyouhearaboutus', 'leadsource'],
  clientSince: ['clientsince', 'firstvisit', 'created', 'createdat', 'datecreated', 'dateadded', 'joined', 'registered', 'registrationdate', 'customersince'],
  marketingConsent: ['marketing', 'marketingconsent', 'marketingoptin', 'optin', 'emailoptin', 'acceptsmarketing', 'newsletter', 'subscribed', 'smsoptin'],
  notes: ['notes', 'note', 'comments', 'comment', 'clientnotes', 'alerts', 'remarks'],
};

/** A header as compared with the spellings: letters and digits only, lower case, accents off. */
export function foldHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '');
}

const byFoldedHeader = new Map<string, ImportField>(Object.entries(spellings).flatMap(([field, names]) => names.map((name) => [foldHeader(name), field as ImportField] as const)));

/**
 * A first guess at what each column holds, from its header, for the admin to correct. A field
 * that may come from one column only is given to the first column that names it; later ones are
 * left out, so nothing is guessed twice. First + last name columns win over a full-name column.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  const mapping = headers.map((header): ImportField => {
    const field = byFoldedHeader.get(foldHeader(header)) ?? 'ignore';
    if (field === 'ignore') return field;
    if (singleColumnFields.includes(field)) {
      if (taken.has(field)) return 'ignore';
      taken.add(field);
    }
    return field;
  });
  if (taken.has('firstName') && taken.has('lastName')) return mapping.map((field) => (field === 'fullName' ? 'ignore' : field));
  return mapping;
}

/** Why a mapping cannot be used, in the admin's words; empty when it can. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const count = (field: ImportField) => mapping.filter((each) => each === field).length;
  for (const field of singleColumnFields) {
    if (count(field) > 1) problems.push(`More than one column is set to "${importFieldLabels[field]}". Choose one.`);
  }
  const hasNames = count('firstName') === 1 && count('lastName') === 1;
  if (!hasNames && count('fullName') !== 1) {
    problems.push('Choose the columns with the first and last name, or one column with the full name.');
  }
  if (hasNames && count('fullName') === 1) problems.push('Choose either first and last name columns or a full-name column, not both.');
  return problems;
}

/** The words the mapping screen and the import report use for each field. */
export const importFieldLabels: Record<ImportField, string> = {
  ignore: 'Leave out',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  dateOfBirth: 'Date of birth',
  phone: 'Phone',
  email: 'E-mail',
  addressLine: 'Address line',
  postcode: 'Postcode',
  sex: 'Sex',
  fitzpatrick: 'Skin type (Fitzpatrick)',
  gp: 'GP',
  emergencyContact: 'Emergency contact',
  referralSource: 'Referral source',
  clientSince: 'Client since',
  marketingConsent: 'Marketing opt-in',
  notes: 'Notes',
};
