/** English strings for this feature, kept in its own file so features do not edit one big file. */
export const backups = {} as const;
