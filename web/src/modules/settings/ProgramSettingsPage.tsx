import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { useConfirm } from '../../shared/ui/useConfirm';
import { ScheduleSetting } from './ScheduleSetting';
import { formatDate } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import type { ProgramSetting } from '@server/modules/membership/schemas';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';

const s = {
  title: 'Pengaturan program',
  description:
    'Dasar kepesertaan yang dipakai program dan segmen JKN yang membuat seseorang tidak dijamin Jamkesda. Setiap perubahan berlaku mulai tanggal tertentu; riwayatnya disimpan agar keputusan pada tanggal lampau dapat dijelaskan.',
  current: 'Berlaku saat ini',
  effectiveFrom: 'Berlaku mulai',
  bases: 'Dasar kepesertaan',
  excluded: 'Segmen JKN yang dikecualikan',
  note: 'Catatan',
  history: 'Riwayat pengaturan',
  caption: 'Riwayat pengaturan program, terbaru di atas',
  none: 'Belum ada pengaturan program.',
  readOnly: 'Hanya administrator yang dapat menjadwalkan perubahan pengaturan.',
  scheduled: 'Perubahan terjadwal',
  scheduledCaption: 'Perubahan pengaturan yang belum berlaku',
  cancel: 'Batalkan',
  cancelTitle: 'Batalkan perubahan terjadwal?',
  cancelBody: (d: string) =>
    `Perubahan yang dijadwalkan berlaku mulai ${d} akan dihapus. Pengaturan yang sekarang tetap berlaku.`,
};

function Bases({ list }: { list: string[] }) {
  return (
    <Group gap={6}>
      {list.map((b) => (
        <Badge key={b} variant="light" style={{ textTransform: 'none' }}>
          {label(t.basis, b)}
        </Badge>
      ))}
    </Group>
  );
}

function Segments({ list }: { list: string[] }) {
  return (
    <Group gap={6}>
      {list.map((b) => (
        <Badge key={b} variant="light" color="red" title={b} style={{ textTransform: 'none' }}>
          {label(t.jknSegment, b)}
        </Badge>
      ))}
    </Group>
  );
}

export default function ProgramSettingsPage() {
  const { data, error, loading, reload } = useApi<{
    current: ProgramSetting | null;
    scheduled: ProgramSetting[];
    history: ProgramSetting[];
  }>('/api/v1/settings/program');
  const { can } = useSession();
  const manage = can('settings.manage');
  const { confirm, dialog } = useConfirm();
  const cur = data?.current;
  const withdraw = (r: ProgramSetting) =>
    confirm({
      title: s.cancelTitle,
      body: s.cancelBody(formatDate(r.effectiveFrom)),
      confirmLabel: s.cancel,
      danger: true,
      onConfirm: async () => {
        await api(`/api/v1/settings/program/${r.id}`, { method: 'DELETE' });
        reload();
      },
    });
  const columns: Column<ProgramSetting>[] = [
    { key: 'from', header: s.effectiveFrom, cell: (r) => formatDate(r.effectiveFrom) },
    { key: 'bases', header: s.bases, cell: (r) => <Bases list={r.bases} /> },
    { key: 'excluded', header: s.excluded, cell: (r) => <Segments list={r.excludedSegments} /> },
    { key: 'note', header: s.note, cell: (r) => r.note ?? '' },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={s.title} description={s.description} />
      <ErrorAlert error={error} onRetry={reload} />
      {data && !cur && <Text c="dimmed">{s.none}</Text>}
      {cur && (
        <Paper withBorder p="lg" component="section" aria-labelledby="current-setting">
          <Title order={2} id="current-setting" mb="md">
            {s.current}
          </Title>
          <FieldGrid min={260}>
            <Field label={s.effectiveFrom}>{formatDate(cur.effectiveFrom)}</Field>
            <Field label={s.bases}>
              <Bases list={cur.bases} />
            </Field>
            <Field label={s.excluded}>
              <Segments list={cur.excludedSegments} />
            </Field>
            <Field label={s.note}>{cur.note}</Field>
          </FieldGrid>
        </Paper>
      )}
      {(data?.scheduled?.length ?? 0) > 0 && (
        <section aria-labelledby="setting-scheduled">
          <Title order={2} id="setting-scheduled" mb="sm">
            {s.scheduled}
          </Title>
          <DataTable
            caption={s.scheduledCaption}
            columns={[
              ...columns,
              ...(manage
                ? [
                    {
                      key: 'actions',
                      header: t.common.actions,
                      cell: (r: ProgramSetting) => (
                        <Button size="xs" variant="light" color="red" onClick={() => withdraw(r)}>
                          {s.cancel}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
            rows={data?.scheduled}
            rowKey={(r) => r.id}
            minWidth={760}
          />
        </section>
      )}
      {manage && data && <ScheduleSetting key={cur?.id ?? 0} current={cur ?? null} onDone={reload} />}
      <section aria-labelledby="setting-history">
        <Title order={2} id="setting-history" mb="sm">
          {s.history}
        </Title>
        <DataTable
          caption={s.caption}
          columns={columns}
          rows={data?.history}
          rowKey={(r) => r.id}
          loading={loading}
          minWidth={760}
        />
      </section>
      {!manage && (
        <Text size="xs" c="dimmed">
          {s.readOnly}
        </Text>
      )}
      {dialog}
    </Stack>
  );
}
