import { Stack, Text } from '@mantine/core';
import { ImportWorkbench } from '../../shared/imports/ImportWorkbench';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';

export default function JknImportPage() {
  return (
    <Stack gap="md">
      <PageHeader title={s.jknImport.title} description={s.jknImport.description} />
      <ImportWorkbench kind="jkn" />
      <Text size="xs" c="dimmed">
        {s.jknImport.columns}
      </Text>
    </Stack>
  );
}
