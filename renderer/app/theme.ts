import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A muted sage-teal: calm, clinical without being cold, and dark enough at shade 7 for white
 * text to pass WCAG AA. One accent only; everything else is warm neutral.
 */
const sage: MantineColorsTuple = ['#eef6f3', '#dfece7', '#bdd8ce', '#98c3b3', '#78b09b', '#63a48c', '#559d84', '#3f7f69', '#356f5c', '#245f4d'];

/** Warm greys for text and surfaces, so the screen reads soft rather than stark at the front desk. */
const stone: MantineColorsTuple = ['#f7f6f3', '#efede8', '#e2dfd8', '#cfcbc2', '#b3aea3', '#958f83', '#767064', '#5b564c', '#403c35', '#2a2722'];

export const theme = createTheme({
  primaryColor: 'sage',
  primaryShade: 7,
  // Mantine's neutral components (borders, default buttons, badges) take the warm greys too.
  colors: { sage, stone, gray: stone },
  // Readable at arm's length: body text is 16 px or more; component "sm" (their default) is 16 px.
  fontSizes: { xs: '0.875rem', sm: '1rem', md: '1.0625rem', lg: '1.1875rem', xl: '1.375rem' },
  lineHeights: { xs: '1.45', sm: '1.5', md: '1.55', lg: '1.55', xl: '1.6' },
  spacing: { xs: '0.625rem', sm: '0.875rem', md: '1.25rem', lg: '1.75rem', xl: '2.5rem' },
  radius: { xs: '4px', sm: '6px', md: '10px', lg: '14px', xl: '20px' },
  defaultRadius: 'md',
  // Emoji last: the system's colour emoji font where there is one, else the bundled Noto Emoji
  // (global.css), so a name like "Zoë 🌸" never shows an empty box.
  fontFamily:
    '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif, "Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji", "SkinLedger Emoji"',
  fontFamilyMonospace: '"Cascadia Mono", "Consolas", "DejaVu Sans Mono", "Liberation Mono", ui-monospace, monospace',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.875rem', lineHeight: '1.25' },
      h2: { fontSize: '1.5rem', lineHeight: '1.3' },
      h3: { fontSize: '1.25rem', lineHeight: '1.35' },
      h4: { fontSize: '1.0625rem', lineHeight: '1.4' },
    },
  },
  black: '#2a2722',
  cursorType: 'pointer',
  focusRing: 'auto',
  // Someone who asked their computer for less motion gets menus and dialogs without animation
  // (WCAG 2.3.3). The browser tests ask for it too, so they never wait on a transition.
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    SegmentedControl: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Switch: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
    Modal: {
      defaultProps: { size: 'lg', radius: 'lg', padding: 'xl', centered: true, overlayProps: { backgroundOpacity: 0.35, blur: 2 } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    Paper: { defaultProps: { radius: 'lg' } },
    // Coloured alert titles on tinted backgrounds fall below AA contrast; dark titles do not.
    Alert: { defaultProps: { radius: 'md' }, styles: { title: { color: 'var(--mantine-color-black)' } } },
    // A notification's message in Mantine's grey is below AA on white; the app's dimmed grey is not.
    Notification: { styles: { description: { color: 'var(--mantine-color-dimmed)' } } },
  },
});

/**
 * Variables the theme object cannot reach. Mantine's "dimmed" grey is too faint for secondary
 * text on white (below WCAG AA); this one is 6.6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5e594f',
    // Field errors in Mantine's default red are 3.3:1 on white; this red is 6:1 and still reads as an error.
    '--mantine-color-error': '#b42318',
    '--mantine-color-placeholder': '#767064',
    '--mantine-color-default-border': '#d9d5cc',
  },
  dark: {},
});
