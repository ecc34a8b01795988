import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel of a page: a landmark for screen readers, with optional actions on the right. */
export function Section({
  id,
  title,
  extra,
  children,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id} id={`${id}-section`}>
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} id={id}>
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}
