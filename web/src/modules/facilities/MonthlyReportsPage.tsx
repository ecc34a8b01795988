import { Badge, Box, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MonthField } from '../../shared/ui/MonthField';
import { useReveal } from '../../shared/ui/useReveal';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDate, formatDateTime, formatNumber, todayJakarta, formatMonth } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';
import type { MonthlyStatus } from '@server/modules/facilities/labels';
import type { MonthlyList, MonthlyOverview } from '@server/modules/facilities/schemas';

const m = s.monthly;
const FIELDS = [
  'outpatientVisits',
  'inpatientAdmissions',
  'class3PatientDays',
  'referralsReceived',
  'referralsBack',
  'deaths',
] as const;
const COLOR: Record<MonthlyStatus, string> = { ON_TIME: 'dinkes', LATE: 'orange', MISSING: 'red', NOT_DUE: 'gray' };

function previousMonth(): string {
  const [y, mo] = todayJakarta().split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

function StatusBadge({ status }: { status: MonthlyStatus }) {
  return (
    <Badge color={COLOR[status]} variant="light">
      {s.monthlyStatus[status]}
    </Badge>
  );
}

/** The hospital files a finished month. */
function SubmitForm({ onSaved }: { onSaved: () => void }) {
  const [period, setPeriod] = useState(previousMonth());
  const [values, setValues] = useState<Record<string, number | string>>({});
  const { busy, error, submit } = useSubmit(async () => {
    const body: Record<string, unknown> = { period };
    for (const k of FIELDS) body[k] = Number(values[k] ?? 0);
    await api('/api/v1/facilities/monthly-reports', { method: 'POST', body });
    notifications.show({ color: 'dinkes', message: m.sent });
    setValues({});
    onSaved();
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="monthly-form">
      <Title order={2} id="monthly-form" mb="md">
        {m.formTitle}
      </Title>
      <form onSubmit={submit}>
        <ErrorAlert error={error} />
        <Box mb="sm">
          <MonthField
            label={m.period}
            value={period}
            onChange={setPeriod}
            required
            maxMonth={previousMonth()}
            data-testid="monthly-period"
          />
        </Box>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {FIELDS.map((k) => (
            <NumberInput
              key={k}
              label={m[k]}
              value={values[k] ?? ''}
              onChange={(v) => setValues((p) => ({ ...p, [k]: v }))}
              min={0}
              allowDecimal={false}
              required
              data-testid={`monthly-${k}`}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={busy} data-testid="monthly-submit">
            {m.send}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** FAC-6: hospitals file their month; the office sees who is on time, late or missing. */
export default function MonthlyReportsPage() {
  const { can } = useSession();
  const office = can('monthly-report.read');
  const hospital = can('monthly-report.submit');
  const [period, setPeriod] = useState(previousMonth());
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const overview = useApi<MonthlyOverview>(office && valid ? '/api/v1/facilities/monthly-reports' : null, { period });
  const mine = useApi<MonthlyList>(hospital ? '/api/v1/facilities/monthly-reports/mine' : null);
  // After filing, the history with the new month comes into view.
  const [saved, setSaved] = useState(0);
  const historyRef = useReveal<HTMLHeadingElement>(saved);

  return (
    <Stack gap="md">
      <PageHeader title={m.title} description={hospital ? m.hospitalDescription : m.officeDescription} />
      {hospital && (
        <>
          <SubmitForm
            onSaved={() => {
              mine.reload();
              setSaved((n) => n + 1);
            }}
          />
          <Title order={2} ref={historyRef} data-testid="monthly-history">
            {m.history}
          </Title>
          <ErrorAlert error={mine.error} onRetry={mine.reload} />
          <DataTable
            caption={m.history}
            rows={mine.data?.rows}
            loading={mine.loading}
            empty={m.historyEmpty}
            rowKey={(r) => r.id}
            columns={[
              { key: 'p', header: m.period, cell: (r) => formatMonth(r.period) },
              { key: 'sub', header: m.submitted, cell: (r) => formatDateTime(r.submittedAt) },
              { key: 'due', header: 'Batas', cell: (r) => formatDate(r.dueDate) },
              { key: 'st', header: s.col.status, cell: (r) => <StatusBadge status={r.status} /> },
            ]}
          />
        </>
      )}
      {office && (
        <>
          <Group align="end">
            <MonthField label={m.period} value={period} onChange={setPeriod} data-testid="monthly-overview-period" />
            {overview.data && (
              <Text size="sm" c="dimmed">
                {m.due(formatDate(overview.data.dueDate))}
              </Text>
            )}
          </Group>
          <ErrorAlert error={overview.error} onRetry={overview.reload} />
          <DataTable
            caption={m.caption}
            rows={overview.data?.rows}
            loading={overview.loading}
            empty={m.empty}
            rowKey={(r) => r.facilityCode}
            testId="monthly-overview"
            columns={[
              { key: 'fac', header: s.col.facility, cell: (r) => r.facilityName },
              { key: 'st', header: s.col.status, cell: (r) => <StatusBadge status={r.status} /> },
              { key: 'sub', header: m.submitted, cell: (r) => (r.report ? formatDateTime(r.report.submittedAt) : '—') },
              {
                key: 'op',
                header: m.outpatientVisits,
                numeric: true,
                cell: (r) => (r.report ? formatNumber(r.report.outpatientVisits) : '—'),
              },
              {
                key: 'ip',
                header: m.inpatientAdmissions,
                numeric: true,
                cell: (r) => (r.report ? formatNumber(r.report.inpatientAdmissions) : '—'),
              },
              {
                key: 'd3',
                header: m.class3PatientDays,
                numeric: true,
                cell: (r) => (r.report ? formatNumber(r.report.class3PatientDays) : '—'),
              },
              {
                key: 'rr',
                header: m.referralsReceived,
                numeric: true,
                cell: (r) => (r.report ? formatNumber(r.report.referralsReceived) : '—'),
              },
              {
                key: 'rb',
                header: m.referralsBack,
                numeric: true,
                cell: (r) => (r.report ? formatNumber(r.report.referralsBack) : '—'),
              },
              {
                key: 'de',
                header: m.deaths,
                numeric: true,
                cell: (r) => (r.report ? formatNumber(r.report.deaths) : '—'),
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
