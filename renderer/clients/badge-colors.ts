/** Dark burnt orange for text on light orange badges ("Overdue", "Amended"): 7:1 on orange-1, still reads as a warning. */
export const warmText = '#8a3a0f';
