import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Text on tinted backgrounds (light, subtle and outline badges, alerts, buttons)
 * is drawn in a deep shade of its colour: Mantine's shade 6 on its own 10 % tint
 * reaches only 1.8:1 (yellow) to 3.5:1, below the 4.5:1 of WCAG AA. Shade 9
 * darkened by 30 % gives 5:1 or more for every palette colour.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  // Filled red and blue keep white text on their darkest shade (5.5:1) instead of turning dark.
  if (input.variant === 'filled' && (input.color === 'red' || input.color === 'blue')) {
    const palette = input.theme.colors[input.color]!;
    return { ...base, background: palette[9], hover: darken(palette[9], 0.1), color: 'var(--mantine-color-white)' };
  }
  if (input.variant !== 'light' && input.variant !== 'subtle' && input.variant !== 'outline') return base;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'dark') return base;
  const palette = input.theme.colors[parsed.color]!;
  const deep = parsed.color === 'gray' ? palette[7] : darken(palette[9], 0.3);
  return { ...base, color: deep, hoverColor: deep };
};

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
  variantColorResolver,
  // Filled yellow, orange, green (badges, buttons) carry dark text, not white at 2–3:1:
  // above this luminance white text falls below 4.5:1.
  autoContrast: true,
  luminanceThreshold: 0.18,
  primaryShade: { light: 7, dark: 5 },
  colors: { dinkes },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
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
export const cssVariablesResolver: CSSVariablesResolver = (th) => ({
  variables: {},
  light: {
    // Coloured text (`c="red"`, `c="orange"`) in the same deep shades as the tinted variants above.
    ...Object.fromEntries(
      Object.entries(th.colors)
        .filter(([name]) => name !== 'dark' && name !== 'dinkes')
        .map(([name, palette]) => [
          `--mantine-color-${name}-text`,
          name === 'gray' ? palette[7] : darken(palette[9], 0.3),
        ]),
    ),
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
