import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDateTime, formatNumber } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';
import type { BedBoard } from '@server/modules/facilities/schemas';

const b = s.beds;

/** A hospital's bed report: class III beds and patients placed above class III for lack of beds. */
function ReportForm({ onSaved }: { onSaved: () => void }) {
  const [total, setTotal] = useState<number | string>('');
  const [available, setAvailable] = useState<number | string>('');
  const [above, setAbove] = useState<number | string>(0);
  const { busy, error, submit } = useSubmit(async () => {
    await api('/api/v1/facilities/bed-reports', {
      method: 'POST',
      body: { class3Total: Number(total), class3Available: Number(available), aboveClassPatients: Number(above) || 0 },
    });
    notifications.show({ color: 'dinkes', message: b.reported_ok });
    onSaved();
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="beds-report">
      <Title order={2} id="beds-report" mb={4}>
        {b.reportTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {b.reportHelp}
      </Text>
      <form onSubmit={submit}>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={b.total}
            value={total}
            onChange={setTotal}
            min={0}
            allowDecimal={false}
            required
            data-testid="beds-total"
          />
          <NumberInput
            label={b.available}
            value={available}
            onChange={setAvailable}
            min={0}
            allowDecimal={false}
            required
            data-testid="beds-available"
          />
          <NumberInput
            label={b.above}
            value={above}
            onChange={setAbove}
            min={0}
            allowDecimal={false}
            data-testid="beds-above"
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={busy} data-testid="beds-submit">
            {b.report}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** FAC-5: every partner hospital's latest class III bed report, with its age. */
export default function BedBoardPage() {
  const { can } = useSession();
  const [sort, setSort] = useState('available');
  const [location, setLocation] = useState('');
  const canRead = can('bedboard.read');
  const board = useApi<BedBoard>(canRead ? '/api/v1/facilities/bed-board' : null, {
    sort,
    location,
  });

  return (
    <Stack gap="md">
      <PageHeader title={b.title} description={b.description} />
      {can('bedboard.report') && <ReportForm onSaved={board.reload} />}
      {canRead && (
        <>
          <Group align="end">
            <Select
              label={b.sort}
              data={[
                { value: 'available', label: b.sortAvailable },
                { value: 'name', label: b.sortName },
                { value: 'age', label: b.sortAge },
              ]}
              value={sort}
              onChange={(v) => setSort(v ?? 'available')}
              allowDeselect={false}
              w={220}
            />
            <Select
              label={s.list.location}
              data={[
                { value: '', label: s.list.all },
                ...Object.entries(s.location).map(([value, label]) => ({ value, label })),
              ]}
              value={location}
              onChange={(v) => setLocation(v ?? '')}
              allowDeselect={false}
              w={180}
            />
          </Group>
          <ErrorAlert error={board.error} onRetry={board.reload} />
          <DataTable
            caption={b.caption}
            rows={board.data?.rows}
            loading={board.loading}
            empty={b.empty}
            rowKey={(r) => r.facilityCode}
            testId="bed-board"
            columns={[
              { key: 'name', header: s.col.facility, cell: (r) => r.facilityName },
              { key: 'class', header: s.col.class, cell: (r) => r.class ?? '—' },
              { key: 'loc', header: s.col.location, cell: (r) => (r.location ? s.location[r.location] : '—') },
              {
                key: 'avail',
                header: b.available,
                numeric: true,
                cell: (r) =>
                  r.class3Available === null ? (
                    '—'
                  ) : (
                    <Text fw={700} c={r.class3Available === 0 ? 'red' : undefined} span>
                      {formatNumber(r.class3Available)}
                    </Text>
                  ),
              },
              {
                key: 'total',
                header: b.total,
                numeric: true,
                cell: (r) => (r.class3Total === null ? '—' : formatNumber(r.class3Total)),
              },
              {
                key: 'above',
                header: b.above,
                numeric: true,
                cell: (r) => (r.aboveClassPatients === null ? '—' : formatNumber(r.aboveClassPatients)),
              },
              {
                key: 'age',
                header: b.reported,
                cell: (r) =>
                  r.reportedAt === null ? (
                    <Badge color="gray" variant="light">
                      {b.never}
                    </Badge>
                  ) : (
                    <Group gap={6} title={formatDateTime(r.reportedAt)}>
                      <Text size="sm" span>
                        {b.age(r.ageHours ?? 0)}
                      </Text>
                      {r.stale && (
                        <Badge color="yellow" variant="light">
                          {b.stale}
                        </Badge>
                      )}
                    </Group>
                  ),
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
