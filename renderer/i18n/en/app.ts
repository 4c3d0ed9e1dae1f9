/** English strings used all over the window: its frame, navigation, common words, roles and errors. */
export const app = {
  name: 'SkinLedger',
  windowTitle: '{{screen}} · SkinLedger',
  version: 'Version {{version}}',
} as const;

export const about = {
  title: 'About SkinLedger',
  description: 'Client records, consent forms and before/after photos for microneedling clinics. Everything stays on this computer, encrypted.',
} as const;

export const brand = {
  panelLabel: 'About this app',
  tagline: 'Client records, consent forms and before/after photos, kept on this computer and encrypted.',
  reassurance: 'Nothing leaves this computer. Your records open only with a staff password or the recovery key.',
} as const;

export const forms = {
  lengthNear: '{{length}} of {{max}} characters',
  lengthOver_one: '{{length}} characters: {{over}} over the limit of {{max}}. Shorten it to save.',
  lengthOver_other: '{{length}} characters: {{over}} over the limit of {{max}}. Shorten it to save.',
} as const;

export const common = {
  back: 'Back',
  cancel: 'Cancel',
  saveChanges: 'Save changes',
  discardChanges: 'Discard changes',
  loading: 'Loading…',
  none: '—',
  closeNotification: 'Close message',
  closeDialog: 'Close',
  showPassword: 'Show or hide the password',
} as const;

export const shortcuts = {
  ctrl: 'Ctrl',
  cmd: '⌘',
  esc: 'Esc',
} as const;

export const roles = {
  admin: { name: 'Admin', description: 'Everything, including staff and clinic settings.' },
  practitioner: { name: 'Practitioner', description: 'Clients, treatment notes, consent forms and photos.' },
  reception: { name: 'Reception', description: 'Client contact details only; no treatment notes or photos.' },
} as const;

export const validation = {
  required: 'Please fill this in.',
  tooShort_one: 'Use at least {{count}} character.',
  tooShort_other: 'Use at least {{count}} characters.',
  tooLong_one: 'Use at most {{count}} character.',
  tooLong_other: 'Use at most {{count}} characters.',
  atLeast: 'Enter {{min}} or more.',
  atMost: 'Enter {{max}} or less.',
  number: 'Enter a whole number.',
  invalid: 'Please check this.',
  date: 'Enter a real date as {{pattern}}.',
  time: 'Enter a time like 09:30 or 2:30 pm.',
  passwordsDiffer: 'The two passwords are not the same.',
} as const;

export const errors = {
  NOT_SIGNED_IN: 'Please sign in again.',
  LOCKED: 'The screen is locked. Enter your password to carry on.',
  FORBIDDEN: 'Your role does not allow this. Ask an admin if you need it.',
  TOO_MANY_ATTEMPTS_one: 'Too many wrong passwords. Try again in {{count}} second.',
  TOO_MANY_ATTEMPTS_other: 'Too many wrong passwords. Try again in {{count}} seconds.',
  WRONG_RECOVERY_KEY: 'That recovery key does not open these records. Check each group of characters and try again.',
  STORE_IN_USE: 'SkinLedger is already open on these records, in another window or on another account. Close it there first.',
  UNTRUSTED_SENDER: 'This request did not come from SkinLedger and was refused.',
  UNKNOWN_CHANNEL: 'That action does not exist in this version of SkinLedger.',
  INTERNAL: 'Something went wrong and nothing was saved. Please try again; if it keeps happening, restart SkinLedger.',
} as const;

export const shell = {
  navigation: 'Main navigation',
  search: 'Search…',
  lock: 'Lock',
  accountMenu: 'Account menu:',
  changeMyPassword: 'Change my password',
  signOut: 'Sign out',
} as const;

export const nav = {
  home: 'Home',
  clients: 'Clients',
  lotRecall: 'Lot recall',
  stock: 'Stock',
  settings: 'Settings',
} as const;

export const spotlight = {
  title: 'Search or jump to',
  placeholder: 'Type to search…',
  searchLabel: 'Search SkinLedger',
  nothingFound: 'Nothing matches. Clients are found by name, phone, email or date of birth.',
  clientsGroup: 'Clients',
  placesGroup: 'Go to',
  homeHint: 'Start page',
  clientsHint: 'Client records',
  newClientHint: 'Register someone new',
  lotRecallHint: 'Which clients were treated with a lot',
  settingsHint: 'Clinic details, staff and your password',
  staffHint: 'Add staff, change roles, reset passwords',
  passwordHint: 'Set a new password for yourself',
  lockHint: 'Hide the records until your password is entered',
} as const;
