/** English strings for signing in, locking, the first set-up, the recovery key and changing a password. */
export const signIn = {
  title: 'Sign in',
  intro: 'Enter your name and password to open the clinic’s records.',
  name: 'Your name',
  password: 'Password',
  submit: 'Sign in',
  retryIn_one: 'You can try again in {{count}} second.',
  retryIn_other: 'You can try again in {{count}} seconds.',
  forgotten: 'Forgotten your password? An admin can set a new one in Settings → Staff.',
} as const;

export const lock = {
  title: 'Screen locked',
  formLabel: 'Unlock',
  signedInAs: 'Signed in · {{role}}',
  password: 'Password',
  unlock: 'Unlock',
  notYou: 'Not {{name}}?',
  switchUser: 'Switch user',
  switchIntro: 'Sign in as another member of staff. The records open for them straight away.',
  switchSubmit: 'Sign in',
} as const;

export const setup = {
  title: 'Set up your clinic',
  intro: 'This takes a minute. You will be the first admin and can add the rest of your staff afterwards.',
  clinicSection: 'Your clinic',
  addressHint: 'Printed on consent forms. You can change it later in Settings.',
  adminSection: 'You, the first admin',
  adminName: 'Your name',
  adminNameHint: 'The name you will sign in with, e.g. “Maria Lopez”.',
  submit: 'Create the clinic',
} as const;

export const recovery = {
  title: 'Your recovery key',
  what: 'If every staff password is forgotten, or this computer is replaced and you restore a backup, this key is the only way back into your records. Nobody else can recover them for you, not even SkinLedger support.',
  keyLabel: 'Recovery key',
  tipPrint: 'Save the Recovery Kit and print it, or copy the key onto paper by hand.',
  tipStore: 'Keep it somewhere safe away from this computer, such as a locked drawer or the practice safe.',
  tipOnce: 'It is shown only now. SkinLedger cannot show it again.',
  saveKit: 'Save Recovery Kit (PDF)…',
  kitSavedTitle: 'Recovery Kit saved',
  kitSavedMessage: 'Print it, then delete the file from this computer once the paper copy is stored.',
  notShownTitle: 'The key is no longer on screen',
  notShown: 'For safety the key is shown only once, when the clinic is created. You can still save the Recovery Kit, which contains it.',
  confirmStored: 'I have printed or written down the recovery key and stored it safely',
  continue: 'Continue to SkinLedger',
} as const;

export const storeError = {
  title: 'The clinic’s records cannot be opened',
  whatHappened: 'What happened',
  whatToDo: 'What to do',
  keepFiles: 'Do not delete, move or rename anything in the SkinLedger data folder.',
  callSupport: 'Ask whoever looks after this computer, or your SkinLedger support, to help. Tell them the code below.',
  recoveryKey: 'If a backup needs to be restored, you will need the recovery key from your Recovery Kit.',
  codeLabel: 'Code:',
  checkAgain: 'Check again',
} as const;

export const password = {
  title: 'Change my password',
  intro: 'Your password opens the records for you alone. Change it if you think someone else knows it.',
  current: 'Current password',
  submit: 'Change password',
  changedTitle: 'Password changed',
  changedMessage: 'Use the new password from now on.',
  mustChangeTitle: 'Choose your own password',
  mustChangeIntro: 'You signed in with a one-time password an admin gave you. Choose your own now: the one-time password stops working once you have.',
  mustChangeCurrent: 'One-time password',
} as const;
