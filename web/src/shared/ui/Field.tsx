import { Box, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** A label–value pair in a definition list; empty values show a dash. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {empty ? t.common.none : children}
      </Text>
    </Stack>
  );
}

/** A responsive grid of Fields, semantically a <dl>. */
export function FieldGrid({ children, min = 200 }: { children: ReactNode; min?: number }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`, gap: '0.9rem 1.5rem' }}
    >
      {children}
    </Box>
  );
}
