import type { CliFlag } from '../command';

/** Flags several commands share, worded once. */
export const dataFlag: CliFlag = {
  name: 'data',
  placeholder: 'DIR',
  summary: 'The SkinLedger data folder (holds keyslots.json and skinledger.db).',
  required: true,
};

export const userFlag: CliFlag = {
  name: 'user',
  placeholder: 'NAME',
  summary: 'Your staff name, as you sign in to SkinLedger. The password is asked for, never passed.',
  required: true,
};
