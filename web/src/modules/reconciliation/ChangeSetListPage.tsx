import { Anchor, Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../app/paths';
import { formatDate, formatDateShort, formatDateTime, formatDateTimeShort, formatNumber } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';
import type { ChangeSetHeader } from '@server/modules/reconciliation/schemas';

/** Every change set, newest first; pending ones are what the officer works on. */
export default function ChangeSetListPage() {
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useApi<{ items: ChangeSetHeader[] }>('/api/v1/reconciliation/change-sets', {
    status,
    limit: 200,
  });
  const columns: Column<ChangeSetHeader>[] = [
    {
      key: 'id',
      header: s.list.colId,
      cell: (r) => (
        <Anchor component={Link} to={paths.changeSet(r.id)} data-testid={`changeset-link-${r.id}`}>
          #{r.id}
        </Anchor>
      ),
    },
    { key: 'kind', header: s.list.colKind, cell: (r) => s.kind[r.kind] },
    {
      key: 'asOf',
      header: s.list.colAsOf,
      cell: (r) => (
        <span className="nowrap" title={formatDate(r.asOf)}>
          {formatDateShort(r.asOf)}
        </span>
      ),
    },
    {
      key: 'file',
      header: s.list.colFile,
      cell: (r) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} maw={240}>
          {r.fileName}
        </Text>
      ),
    },
    { key: 'items', header: s.list.colItems, numeric: true, cell: (r) => formatNumber(r.itemCount) },
    {
      key: 'status',
      header: s.list.colStatus,
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <Badge color={s.statusColor[r.status]} variant="light">
            {s.status[r.status]}
          </Badge>
          {r.suspect && (
            <Badge color="red" variant="filled" data-testid={`changeset-suspect-${r.id}`}>
              {s.suspect.badge}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'created',
      header: s.list.colCreated,
      cell: (r) => (
        <Text size="sm" className="nowrap" title={formatDateTime(r.createdAt)}>
          {formatDateTimeShort(r.createdAt)}
        </Text>
      ),
    },
    {
      key: 'open',
      header: '',
      cell: (r) => (
        <Anchor component={Link} to={paths.changeSet(r.id)} size="sm" aria-label={`${s.list.open} #${r.id}`}>
          {s.list.open}
        </Anchor>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={s.list.title} description={s.list.description} />
      <SegmentedControl
        value={status}
        onChange={setStatus}
        aria-label={s.list.filterStatus}
        data={[
          { value: '', label: s.list.all },
          ...['PENDING', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'].map((v) => ({ value: v, label: s.status[v]! })),
        ]}
        maw={720}
      />
      <ErrorAlert error={error} onRetry={reload} />
      <DataTable
        caption={s.list.caption}
        columns={columns}
        rows={data?.items}
        rowKey={(r) => r.id}
        loading={loading}
        empty={s.list.empty}
        minWidth={860}
        testId="changeset-list"
      />
    </Stack>
  );
}
