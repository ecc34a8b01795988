import { Anchor, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { formatDate, formatKk, formatNik } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { PersonListItem } from '@server/modules/population/schemas';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { PersonStatus } from './PersonStatus';
import { s } from './strings';

/** Persons as a table; the name links to the person page (rows are clickable too). */
export function PersonTable({
  caption,
  rows,
  loading,
  highlightNik,
  showKk = true,
  testId,
  empty,
}: {
  caption: string;
  rows: PersonListItem[] | undefined;
  loading?: boolean;
  highlightNik?: string;
  showKk?: boolean;
  testId?: string;
  empty?: string;
}) {
  const navigate = useNavigate();
  const columns: Column<PersonListItem>[] = [
    {
      key: 'name',
      header: s.col.name,
      cell: (p) =>
        p.nik === highlightNik ? (
          <Text size="sm" fw={700}>
            {p.name}{' '}
            <Text span size="xs" c="dimmed">
              ({s.person.thisPerson})
            </Text>
          </Text>
        ) : (
          <Anchor component={Link} to={paths.person(p.nik)} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
            {p.name}
          </Anchor>
        ),
    },
    { key: 'nik', header: s.col.nik, cell: (p) => <span className="mono nowrap">{formatNik(p.nik)}</span> },
    { key: 'sex', header: s.col.sex, cell: (p) => <abbr title={t.sex[p.sex]}>{p.sex}</abbr>, width: 48 },
    { key: 'birth', header: s.col.birthDate, cell: (p) => <span className="nowrap">{formatDate(p.birthDate)}</span> },
    { key: 'relation', header: s.col.relation, cell: (p) => p.relation },
  ];
  if (showKk)
    columns.push({
      key: 'kk',
      header: s.col.noKk,
      cell: (p) => <span className="mono nowrap">{formatKk(p.noKk)}</span>,
    });
  columns.push(
    { key: 'village', header: s.col.village, cell: (p) => p.villageName ?? p.villageCode },
    { key: 'status', header: s.col.status, cell: (p) => <PersonStatus p={p} /> },
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(p) => p.nik}
      loading={loading}
      minWidth={showKk ? 1000 : 820}
      onRowClick={(p) => p.nik !== highlightNik && navigate(paths.person(p.nik))}
      testId={testId}
      empty={empty}
    />
  );
}
