/** The Recovery Kit's look: calm, high-contrast, printable in black and white. */
export const kitColours = {
  ink: '#1b2a33',
  body: '#2f3e46',
  muted: '#5b6b73',
  accent: '#0d6b63',
  rule: '#c9d3d6',
  writingLine: '#9aa8ad',
  keyPanel: '#eef6f4',
  keyPanelBorder: '#9cc9c1',
} as const;

/** About 16 mm: inside every office printer's unprintable edge, on A4 and Letter alike. */
export const kitMargin = 46;
