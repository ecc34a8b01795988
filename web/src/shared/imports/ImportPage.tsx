import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ImportKind } from '@server/platform/ingest/schemas';
import { PageHeader } from '../ui/PageHeader';
import { ImportWorkbench } from './ImportWorkbench';

/** A whole import page: header, the upload workbench, and the file's columns. */
export function ImportPage({
  kind,
  title,
  description,
  columns,
  columnsId,
}: {
  kind: ImportKind;
  title: string;
  description: ReactNode;
  columns: string;
  columnsId?: string;
}) {
  return (
    <Stack gap="md">
      <PageHeader title={title} description={description} />
      <ImportWorkbench kind={kind} />
      <Text size="xs" c="dimmed" id={columnsId}>
        {columns}
      </Text>
    </Stack>
  );
}
