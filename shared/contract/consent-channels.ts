/** Consent templates, signing, signed PDFs (issue #4). Filled by that feature; spread into the contract in channels.ts. */
export const consentChannels = {} as const;
