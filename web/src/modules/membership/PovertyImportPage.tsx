import { Stack, Text } from '@mantine/core';
import { ImportWorkbench } from '../../shared/imports/ImportWorkbench';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';

export default function PovertyImportPage() {
  return (
    <Stack gap="md">
      <PageHeader title={s.povertyImport.title} description={s.povertyImport.description} />
      <ImportWorkbench kind="poverty" />
      <Text size="xs" c="dimmed">
        {s.povertyImport.columns}
      </Text>
    </Stack>
  );
}
