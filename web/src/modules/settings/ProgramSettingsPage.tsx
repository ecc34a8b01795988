import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import type { ProgramSetting } from '../../shared/types';
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
  readOnly: 'Halaman ini hanya untuk dibaca. Perubahan pengaturan akan tersedia pada versi berikutnya.',
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
        <Badge key={b} variant="light" color="red" title={label(t.jknSegment, b)}>
          {b}
        </Badge>
      ))}
    </Group>
  );
}

export default function ProgramSettingsPage() {
  const { data, error, loading, reload } = useApi<{ current: ProgramSetting | null; history: ProgramSetting[] }>('/api/v1/settings/program');
  const cur = data?.current;
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
      <section aria-labelledby="setting-history">
        <Title order={2} id="setting-history" mb="sm">
          {s.history}
        </Title>
        <DataTable caption={s.caption} columns={columns} rows={data?.history} rowKey={(r) => r.id} loading={loading} minWidth={760} />
      </section>
      <Text size="xs" c="dimmed">
        {s.readOnly}
      </Text>
    </Stack>
  );
}
