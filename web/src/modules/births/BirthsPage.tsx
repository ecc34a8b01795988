import { Badge, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDate, formatNik } from '../../shared/format';
import { useSearchList } from '../../shared/useSearchList';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { NewButton } from '../../shared/ui/NewButton';
import { PageHeader } from '../../shared/ui/PageHeader';
import { SearchStatusBar } from '../../shared/ui/SearchStatusBar';
import { s } from './strings';
import type { BirthList } from '@server/modules/births/schemas';

export default function BirthsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const { q, setQ, status, setStatus, data, error, loading, reload } = useSearchList<BirthList>('/api/v1/births');

  return (
    <Stack gap="md">
      <PageHeader
        title={s.list.title}
        description={s.list.description}
        actions={
          can('birth.record') ? (
            <NewButton to={paths.birthNew} testId="birth-add">
              {s.list.add}
            </NewButton>
          ) : null
        }
      />
      <SearchStatusBar
        searchLabel={s.list.search}
        q={q}
        onQ={setQ}
        statusLabel={s.list.status}
        allLabel={s.list.all}
        status={status}
        onStatus={setStatus}
        statuses={[
          { value: 'ACTIVE', label: s.status.ACTIVE! },
          { value: 'CANCELLED', label: s.status.CANCELLED! },
        ]}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <Text size="sm" c="dimmed">
          {s.list.total(data.total)}
        </Text>
      )}
      <DataTable
        caption={s.list.caption}
        rows={data?.items}
        loading={loading}
        empty={s.list.empty}
        rowKey={(b) => b.id}
        onRowClick={(b) => navigate(paths.birth(b.id))}
        testId="births-table"
        columns={[
          { key: 'reg', header: s.col.reg, cell: (b) => <span className="mono">{b.regNumber}</span> },
          { key: 'child', header: s.col.child, cell: (b) => b.childName },
          { key: 'born', header: s.col.born, cell: (b) => formatDate(b.birthDate) },
          {
            key: 'mother',
            header: s.col.mother,
            cell: (b) => (b.motherNik ? <span className="mono">{formatNik(b.motherNik)}</span> : '—'),
          },
          { key: 'doc', header: s.col.document, cell: (b) => s.doc[b.documentKind] },
          { key: 'fac', header: s.col.facility, cell: (b) => b.facilityName ?? s.office },
          {
            key: 'status',
            header: s.col.status,
            cell: (b) => (
              <Badge variant="light" color={b.status === 'ACTIVE' ? 'dinkes' : 'gray'}>
                {s.status[b.status]}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
