import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled part of a form, a landmark for screen readers, with an optional line of help under the title. */
export function FormSection({
  id,
  title,
  help,
  helpColor = 'dimmed',
  children,
}: {
  id: string;
  title: string;
  help?: ReactNode;
  helpColor?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb={help ? 4 : 'md'}>
        {title}
      </Title>
      {help && (
        <Text size="sm" c={helpColor} mb="md">
          {help}
        </Text>
      )}
      {children}
    </Paper>
  );
}
