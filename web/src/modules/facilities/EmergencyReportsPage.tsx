import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { label, t } from '../../shared/i18n';
import { digitsOnly, formatDateTime, formatNik, todayJakarta } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable } from '../../shared/ui/DataTable';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useReveal } from '../../shared/ui/useReveal';
import { s } from './strings';
import type { EmergencyList, EmergencyReport, FacilityList } from '@server/modules/facilities/schemas';

const e = s.emergency;

function ReportForm({ onSaved }: { onSaved: () => void }) {
  const [nik, setNik] = useState('');
  const [date, setDate] = useState<string | null>(todayJakarta());
  const [time, setTime] = useState('');
  const [condition, setCondition] = useState('');
  const [onward, setOnward] = useState<string | null>(null);
  const partners = useApi<FacilityList>('/api/v1/facilities', { partner: 'true', kind: 'RUMAH_SAKIT' });
  const { busy, error, submit } = useSubmit(async () => {
    if (!date) return;
    const saved = await api<EmergencyReport>('/api/v1/facilities/emergency-reports', {
      method: 'POST',
      body: {
        nik: digitsOnly(nik),
        admittedAt: `${date}T${time || '00:00'}:00+07:00`,
        condition,
        onwardFacilityCode: onward,
      },
    });
    if (saved.coverage && !saved.coverage.eligible) {
      notifications.show({ color: 'orange', message: e.sentNotMember(whyNot(saved.coverage)), autoClose: false });
    } else {
      notifications.show({ color: 'dinkes', message: e.sent });
    }
    setNik('');
    setCondition('');
    onSaved();
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="em-form">
      <Title order={2} id="em-form" mb="md">
        {e.send}
      </Title>
      <form onSubmit={submit}>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={e.nik}
            value={nik}
            onChange={(x) => setNik(x.currentTarget.value)}
            inputMode="numeric"
            maxLength={20}
            required
            className="mono"
          />
          <DateField label={e.date} value={date} onChange={setDate} required />
          <TextInput
            label={e.time}
            value={time}
            onChange={(x) => setTime(x.currentTarget.value)}
            placeholder="21:30"
            pattern="^([01]\d|2[0-3]):[0-5]\d$"
            required
          />
        </SimpleGrid>
        <Textarea
          label={e.condition}
          value={condition}
          onChange={(x) => setCondition(x.currentTarget.value)}
          required
          minRows={2}
          mt="sm"
        />
        <Select
          label={e.onward}
          placeholder={e.onwardNone}
          data={(partners.data?.rows ?? []).map((f) => ({ value: f.code, label: f.name }))}
          value={onward}
          onChange={setOnward}
          searchable
          clearable
          mt="sm"
        />
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={busy}>
            {e.send}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function whyNot(c: NonNullable<EmergencyReport['coverage']>): string {
  return c.reasons.find((r) => r.severity === 'BLOCK')?.message ?? e.notMember;
}

function Coverage({ c }: { c: EmergencyReport['coverage'] }) {
  if (!c)
    return (
      <Badge color="gray" variant="light">
        {e.unchecked}
      </Badge>
    );
  return (
    <Stack gap={2}>
      <Badge color={c.eligible ? 'dinkes' : 'red'} variant="light">
        {c.eligible ? e.member : e.notMember}
      </Badge>
      <Text size="xs" c="dimmed">
        {c.eligible ? label(t.basis, c.basis) : whyNot(c)}
      </Text>
    </Stack>
  );
}

/** FAC-4: non-partner facilities report emergencies within 3×24 working hours; the office sees each on time or late. */
export default function EmergencyReportsPage() {
  const { can } = useSession();
  const office = can('emergency.read');
  const facility = can('emergency.report');
  const list = useApi<EmergencyList>(
    office ? '/api/v1/facilities/emergency-reports' : facility ? '/api/v1/facilities/emergency-reports/mine' : null,
  );
  // After a report is sent, the list with the new report comes into view.
  const [saved, setSaved] = useState(0);
  const listRef = useReveal(saved);
  return (
    <Stack gap="md">
      <PageHeader title={e.title} description={facility ? e.facilityDescription : e.officeDescription} />
      {facility && (
        <ReportForm
          onSaved={() => {
            list.reload();
            setSaved((n) => n + 1);
          }}
        />
      )}
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Box ref={listRef} aria-label={e.caption} role="region">
        <DataTable
          caption={e.caption}
          rows={list.data?.rows}
          loading={list.loading}
          empty={e.empty}
          rowKey={(r) => r.id}
          testId="emergency-table"
          columns={[
            { key: 'fac', header: s.col.facility, cell: (r) => r.facilityName },
            { key: 'nik', header: e.nik, cell: (r) => <span className="mono">{formatNik(r.nik)}</span> },
            { key: 'cov', header: e.coverage, cell: (r) => <Coverage c={r.coverage} /> },
            { key: 'in', header: e.admittedAt, cell: (r) => formatDateTime(r.admittedAt) },
            { key: 'cond', header: e.condition, cell: (r) => r.condition },
            { key: 'onward', header: e.onward, cell: (r) => r.onwardFacilityName ?? e.onwardNone },
            { key: 'due', header: e.deadline, cell: (r) => formatDateTime(r.deadlineAt) },
            { key: 'rep', header: e.reported, cell: (r) => formatDateTime(r.reportedAt) },
            {
              key: 'ok',
              header: e.onTime,
              cell: (r) => (
                <Badge color={r.onTime ? 'dinkes' : 'red'} variant="light">
                  {r.onTime ? e.onTime : e.late}
                </Badge>
              ),
            },
          ]}
        />
      </Box>
    </Stack>
  );
}
