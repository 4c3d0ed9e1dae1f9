export const fitzpatrickNumerals = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** "III" for 3. */
export function fitzpatrickNumeral(type: number): string {
  return fitzpatrickNumerals[type - 1] ?? String(type);
}
