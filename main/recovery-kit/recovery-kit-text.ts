/**
 * The words on the Recovery Kit, kept apart from the layout so they can be read (and one day
 * translated) in one place. Written for a clinic owner, not for IT: what the key is, what it
 * can do in the wrong hands, and what to do with the page today.
 */
export const recoveryKitText = {
  brand: 'SKINLEDGER',
  title: 'Recovery Kit',
  subtitle: "Emergency access to your clinic's encrypted records",
  createdLabel: 'Created',
  clinicLabel: 'CLINIC',
  purposeHeading: 'What this key is for',
  // The clinic's name is not woven into sentences: a right-to-left name inside English text
  // would need a full bidi layout that pdfkit does not do. It stands on its own lines instead.
  purpose:
    "This recovery key opens the clinic's SkinLedger records when no one can sign in: every staff " +
    'password is lost or forgotten, or the PC has died, been stolen or been replaced. To use it you ' +
    'also need the SkinLedger data folder or a backup of it. Staff do not need it for everyday work.',
  keyLabel: 'YOUR RECOVERY KEY',
  qrCaption: 'Scan to type the key',
  keyNote: (spokenFirstGroup: string) =>
    'Digits and capital letters only; there is no I, L, O or U. Type the groups in order; the dashes ' +
    `between them are optional. To read it aloud, say each group with its number: “group 1: ${spokenFirstGroup} …”.`,
  safetyHeading: 'Keep it safe',
  safety: [
    'Print this page now. Do not keep it as a file on this PC, in email or in cloud storage: once it is printed, delete the PDF.',
    'Store it in a locked place away from the PC, such as a safe or a locked drawer at the owner’s home.',
    'Anyone who has this page and a backup can read every client record. Guard it like the keys to your records room.',
    'SkinLedger cannot recover or reissue this key for you. There is no other copy, and no one at SkinLedger can open your records.',
  ],
  recordHeading: 'Where this page is kept',
  recordFields: ['Kept at', 'Copies held by', 'Last checked (date, initials)'],
  footer: (date: string) => `SkinLedger Recovery Kit · created ${date}`,
  footerPrivate: 'Private: keep this page locked away',
  pdfSubject: 'Recovery key for the clinic’s encrypted SkinLedger records',
} as const;

const digitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "4Z1YE" → "four, Z, one, Y, E": digits as words, so "1" is never heard as "I". */
export function spokenGroup(group: string): string {
  return [...group].map((c) => (c >= '0' && c <= '9' ? digitWords[Number(c)] : c)).join(', ');
}
