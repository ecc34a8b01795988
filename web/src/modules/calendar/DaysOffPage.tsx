import type { DayOffEntry, DaysOff } from '@server/platform/calendar/schemas';
import { DAY_OFF_KIND_LABEL } from '@server/platform/calendar/labels';
import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDate, todayJakarta } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useConfirm } from '../../shared/ui/useConfirm';
import { s } from './strings';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const SOURCE_COLOR: Record<string, string> = {
  NASIONAL: 'red',
  CUTI_BERSAMA: 'orange',
  LIBUR_LOKAL: 'grape',
  LIBUR_NASIONAL_TAMBAHAN: 'pink',
};

function weekday(date: string) {
  const [y, m, d] = date.split('-').map(Number);
  return DAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()] ?? '';
}

function AddDayOff({ year, onAdded }: { year: number; onAdded: () => void }) {
  const [date, setDate] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('CUTI_BERSAMA');

  const { busy, error, submit } = useSubmit(async () => {
    if (!date || !name.trim() || !kind) return;
    await api('/api/v1/calendar/days-off', { method: 'POST', body: { date, name: name.trim(), kind } });
    notifications.show({ color: 'dinkes', message: s.added(name.trim()) });
    setName('');
    setDate(null);
    onAdded();
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="add-day-off">
      <Title order={2} id="add-day-off" mb="md">
        {s.addTitle}
      </Title>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateField
            label={s.date}
            required
            value={date}
            onChange={setDate}
            defaultDate={`${year}-01-01`}
            style={{ flex: '1 1 190px' }}
          />
          <TextInput
            label={s.name}
            placeholder={s.namePlaceholder}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: '3 1 260px' }}
          />
          <Select
            label={s.kind}
            required
            data={Object.entries(DAY_OFF_KIND_LABEL).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            style={{ flex: '1 1 200px' }}
          />
          <Button
            type="submit"
            loading={busy}
            disabled={!date || !name.trim() || !kind}
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {s.add}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

export default function DaysOffPage() {
  const [year, setYear] = useState(Number(todayJakarta().slice(0, 4)));
  const { data, error, loading, reload } = useApi<DaysOff>('/api/v1/calendar/days-off', {
    year,
  });
  const [actionError, setActionError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();

  const remove = (d: DayOffEntry) =>
    confirm({
      title: s.removeConfirmTitle,
      body: s.removeConfirm(d.name, formatDate(d.date)),
      confirmLabel: s.remove,
      danger: true,
      onConfirm: async () => {
        setActionError(null);
        try {
          await api(`/api/v1/calendar/days-off/${d.date}`, { method: 'DELETE' });
          notifications.show({ color: 'dinkes', message: s.removed(d.name) });
          reload();
        } catch (err) {
          setActionError(err);
        }
      },
    });

  const days = [...(data?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const extra = days.filter((d) => d.source !== 'NASIONAL').length;
  const columns: Column<DayOffEntry>[] = [
    { key: 'date', header: s.colDate, cell: (d) => formatDate(d.date) },
    { key: 'day', header: s.colDay, cell: (d) => weekday(d.date) },
    { key: 'name', header: s.colName, cell: (d) => d.name },
    {
      key: 'source',
      header: s.colSource,
      cell: (d) => (
        <Badge variant="light" color={SOURCE_COLOR[d.source] ?? 'gray'}>
          {d.source === 'NASIONAL' ? s.national : DAY_OFF_KIND_LABEL[d.source]}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: '',
      cell: (d) =>
        d.source === 'NASIONAL' ? (
          <Text size="xs" c="dimmed">
            {s.builtIn}
          </Text>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => remove(d)}
            aria-label={`${s.remove}: ${d.name}, ${formatDate(d.date)}`}
          >
            {s.remove}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={s.title}
        description={s.description}
        actions={
          <Group gap={4} role="group" aria-label={s.year}>
            <ActionIcon variant="default" size="lg" onClick={() => setYear((y) => y - 1)} aria-label={s.prevYear}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Text fw={700} w={64} ta="center" aria-live="polite">
              {year}
            </Text>
            <ActionIcon variant="default" size="lg" onClick={() => setYear((y) => y + 1)} aria-label={s.nextYear}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
        }
      />
      <AddDayOff year={year} onAdded={reload} />
      <ErrorAlert error={error} onRetry={reload} />
      <ErrorAlert error={actionError} />
      <DataTable
        caption={s.caption(year)}
        columns={columns}
        rows={days}
        rowKey={(d) => `${d.date}-${d.source}-${d.name}`}
        loading={loading}
        minWidth={700}
      />
      {data && (
        <Text size="xs" c="dimmed">
          {s.count(days.length, extra)}
        </Text>
      )}
      {dialog}
    </Stack>
  );
}
