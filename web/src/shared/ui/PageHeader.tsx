import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { t } from '../i18n';

/**
 * The page's one h1 (focused after navigation so screen readers announce the
 * new page) and the browser tab title.
 */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [title]);
  return (
    <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 320px' }}>
        <Title order={1} tabIndex={-1} data-page-title>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" maw={760}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
