import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { useSearchList } from '../../shared/useSearchList';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { NewButton } from '../../shared/ui/NewButton';
import { PageHeader } from '../../shared/ui/PageHeader';
import { SearchStatusBar } from '../../shared/ui/SearchStatusBar';
import { SjpStatusBadge } from './StatusBadge';
import { s } from './strings';
import type { SjpList, SjpQueue, SjpQueueItem } from '@server/modules/guarantees/schemas';

function QueueBox({ title, items, testId }: { title: string; items: SjpQueueItem[]; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title} ({items.length})
      </Title>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {s.queue.none}
        </Text>
      )}
      <Stack gap={4}>
        {items.slice(0, 8).map((i) => (
          <Anchor key={i.id} component={Link} to={paths.sjp(i.id)} size="sm" c="inherit">
            <strong>{i.facilityName}</strong> · {s.care[i.careType]} · {i.patientName}
            {i.timeLeft && ['DRAFT', 'NEEDS_COMPLETION'].includes(i.status) ? ` · ${i.timeLeft}` : ''}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}

/** The hospital's requests by status, and for the officer the queues by deadline. */
export default function SjpListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  // The home page's counters link here with ?status=…, so the list opens filtered.
  const [params] = useSearchParams();
  const { q, setQ, status, setStatus, data, error, loading, reload } = useSearchList<SjpList>(
    '/api/v1/sjp',
    params.get('status') ?? '',
  );
  const queue = useApi<SjpQueue>(can('sjp.decide') ? '/api/v1/sjp/queue' : null);

  return (
    <Stack gap="md">
      <PageHeader
        title={s.list.title}
        description={s.list.description}
        actions={
          can('sjp.request') ? (
            <NewButton to={paths.sjpNew} testId="sjp-new">
              {s.list.new}
            </NewButton>
          ) : null
        }
      />
      {queue.data && (
        <section aria-labelledby="sjp-queue">
          <Title order={2} id="sjp-queue" mb="sm">
            {s.queue.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <QueueBox title={s.queue.toDecide} items={queue.data.toDecide} testId="sjp-queue-decide" />
            <QueueBox title={s.queue.late} items={queue.data.late} testId="sjp-queue-late" />
            <QueueBox title={s.queue.dueSoon} items={queue.data.dueSoon} testId="sjp-queue-soon" />
            <QueueBox
              title={s.queue.awaitingCompletion}
              items={queue.data.awaitingCompletion}
              testId="sjp-queue-completion"
            />
          </SimpleGrid>
        </section>
      )}
      <ErrorAlert error={queue.error} onRetry={queue.reload} />
      <SearchStatusBar
        searchLabel={s.list.search}
        q={q}
        onQ={setQ}
        statusLabel={s.col.status}
        allLabel={s.list.all}
        status={status}
        onStatus={setStatus}
        statuses={['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED', 'REJECTED'].map((v) => ({
          value: v,
          label: s.status[v]!,
        }))}
      />
      <ErrorAlert error={error} onRetry={reload} />
      <DataTable
        caption={s.list.caption}
        rows={data?.items}
        loading={loading}
        empty={s.list.empty}
        rowKey={(r) => r.id}
        onRowClick={(r) => navigate(paths.sjp(r.id))}
        testId="sjp-table"
        columns={[
          { key: 'num', header: s.col.number, cell: (r) => <span className="mono">{r.number ?? r.trackingCode}</span> },
          { key: 'patient', header: s.col.patient, cell: (r) => r.patientName },
          { key: 'fac', header: s.col.facility, cell: (r) => r.facilityName },
          { key: 'care', header: s.col.care, cell: (r) => s.care[r.careType] },
          { key: 'adm', header: s.col.admitted, cell: (r) => formatDateTime(r.admittedAt) },
          { key: 'due', header: s.col.due, cell: (r) => formatDateTime(r.dueAt) },
          { key: 'late', header: s.col.late, cell: (r) => r.lateLabel ?? '—' },
          { key: 'status', header: s.col.status, cell: (r) => <SjpStatusBadge status={r.status} /> },
        ]}
      />
    </Stack>
  );
}
