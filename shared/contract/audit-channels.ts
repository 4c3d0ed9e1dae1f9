/** The audit trail screen and retention/erasure (issue #6). Filled by that feature; spread into the contract in channels.ts. */
export const auditChannels = {} as const;
