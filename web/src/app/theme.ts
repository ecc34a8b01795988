import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A calm health-office green; shade 7 carries white text at WCAG AA contrast. */
const dinkes: MantineColorsTuple = [
  '#e7f7f1',
  '#cfeee3',
  '#a0dcc6',
  '#6cc9a7',
  '#43b98d',
  '#27ad7c',
  '#149468',
  '#0b7a5a',
  '#08684c',
  '#03563e',
];

export const theme = createTheme({
  primaryColor: 'dinkes',
  primaryShade: { light: 7, dark: 5 },
  colors: { dinkes },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.6rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.05rem', lineHeight: '1.4' },
    },
  },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    // Mantine's built-in accessible names are English; officers' screen readers speak Indonesian.
    // Plain objects, not Component.extend(): importing a component here would put it
    // (Modal with its focus trap, PasswordInput) into the entry script every public page loads.
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Tampilkan atau sembunyikan kata sandi' } },
    },
    // Sentence-case badges read calmer than shouting capitals, and never cut their text.
    Badge: { styles: { root: { textTransform: 'none', fontWeight: 600 }, label: { overflow: 'visible' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    Paper: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    // A table wider than the screen scrolls; keyboard users need to reach the scroll area (axe scrollable-region-focusable).
    TableScrollContainer: { defaultProps: { tabIndex: 0 } },
  },
});

/**
 * Mantine's dimmed grey (#868e96, 3.3:1 on white) and error red (#fa5252, 3.3:1)
 * fail WCAG AA for the small text they colour. These reach at least 4.5:1 on
 * white and on the light grey and green page backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
