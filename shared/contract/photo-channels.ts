/** Before/after photos: import, gallery, compare, export (issue #5). Filled by that feature; spread into the contract in channels.ts. */
export const photoChannels = {} as const;
