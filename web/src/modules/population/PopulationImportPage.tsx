import { Anchor, Stack, Text } from '@mantine/core';
import { ImportWorkbench } from '../../shared/imports/ImportWorkbench';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';

export default function PopulationImportPage() {
  return (
    <Stack gap="md">
      <PageHeader
        title={s.import.title}
        description={
          <Text span size="sm">
            {s.import.description}{' '}
            <Anchor href="#kolom-penduduk" size="sm">
              {s.import.columnsLink}
            </Anchor>
          </Text>
        }
      />
      <ImportWorkbench kind="population" />
      <Text size="xs" c="dimmed" id="kolom-penduduk">
        {s.import.columns}
      </Text>
    </Stack>
  );
}
