import { Anchor, Text } from '@mantine/core';
import { ImportPage } from '../../shared/imports/ImportPage';
import { s } from './strings';

export default function PopulationImportPage() {
  return (
    <ImportPage
      kind="population"
      title={s.import.title}
      description={
        <Text span size="sm">
          {s.import.description}{' '}
          <Anchor href="#kolom-penduduk" size="sm" underline="always">
            {s.import.columnsLink}
          </Anchor>
        </Text>
      }
      columns={s.import.columns}
      columnsId="kolom-penduduk"
    />
  );
}
