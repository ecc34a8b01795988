import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../app/paths';
import { formatDate, formatDateTime, formatNik, formatNumber } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import type {
  EvidenceOf,
  SignalKind,
  SignalList as List,
  SignalSummary as Summary,
  Stay,
} from '@server/modules/signals/schemas';

type Kind = SignalKind;

const s = {
  title: 'Sinyal penyalahgunaan kartu',
  description:
    'Pola yang patut diperiksa (Perda 9/2018 ps. 13 dan 23): setiap sinyal disertai buktinya. Sinyal adalah petunjuk, bukan putusan.',
  cases: (n: number) => `${formatNumber(n)} kasus`,
  caption: (title: string) => `Daftar sinyal: ${title}`,
  empty: 'Tidak ada kasus untuk sinyal ini.',
  person: 'Orang',
  since: 'Sejak',
  evidence: 'Bukti',
  action: 'Tindak lanjut',
};

/** The evidence of one kind: the API sends it as JSON whose shape the kind decides (EvidenceOf, in the server's schemas). */
function evidenceOf<K extends Kind>(_kind: K, e: Record<string, unknown>): EvidenceOf[K] {
  return e as EvidenceOf[K];
}

function Evidence({ kind, e }: { kind: Kind; e: Record<string, unknown> }) {
  if (kind === 'CARD_USED_AFTER_DEATH') {
    const d = evidenceOf(kind, e);
    return (
      <Text size="sm">
        Meninggal {formatDate(d.deathDate)}; diperiksa {String(d.checks)} kali oleh {d.facilities.join(', ')}; terakhir{' '}
        {formatDateTime(d.lastCheckAt)} untuk layanan {formatDate(d.lastServiceDate)}.
      </Text>
    );
  }
  if (kind === 'PERSON_IN_TWO_FAMILIES') {
    const d = evidenceOf(kind, e);
    return (
      <Text size="sm">
        KK sekarang <span className="mono">{String(d.currentKk ?? '—')}</span>; tercantum pada kartu{' '}
        {d.cards.map((c) => `${c.number} (KK ${c.kk})`).join(', ')}.
      </Text>
    );
  }
  if (kind === 'TWO_HOSPITALS_AT_ONCE') {
    const stay = (x: Stay) =>
      `${x.facility} (${x.ref}), masuk ${formatDateTime(x.admittedAt)}${x.endedAt ? `, pulang ${formatDateTime(x.endedAt)}` : ''}`;
    return (
      <Stack gap={2}>
        {evidenceOf(kind, e).stays.map((p) => (
          <Text size="sm" key={`${p.first.ref}-${p.second.ref}`}>
            {stay(p.first)}; lalu {stay(p.second)} sebelum perawatan pertama berakhir.
          </Text>
        ))}
      </Stack>
    );
  }
  const d = evidenceOf(kind, e);
  // Fires only for a member printed as covered (decision 0020): the card became wrong after it was issued.
  return (
    <Text size="sm">
      Kartu {d.card}
      {d.cardIssuedOn ? ` terbit ${formatDate(d.cardIssuedOn)}` : ''} mencantumkannya sebagai peserta
      {d.coverageAtIssue ? '' : ' (status kepesertaan saat terbit tidak tercatat)'}; JKN{' '}
      {label(t.jknSegment, d.segment)} aktif sejak {formatDate(d.jknSince)}. Kartu ini tampil di tab "Perlu cetak ulang"
      antrean cetak.
    </Text>
  );
}

/** MEM-10: the officer's list of misuse signals, one kind at a time, with evidence and a link to each person. */
export default function SignalsPage() {
  const summary = useApi<Summary>('/api/v1/signals');
  const [kind, setKind] = useState<Kind>('CARD_USED_AFTER_DEATH');
  const list = useApi<List>(`/api/v1/signals/${kind}`, { pageSize: 200 });
  return (
    <Stack gap="md">
      <PageHeader title={s.title} description={s.description} />
      <ErrorAlert error={summary.error} onRetry={summary.reload} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {summary.data?.kinds.map((k) => (
          <UnstyledButton
            key={k.kind}
            onClick={() => setKind(k.kind)}
            aria-pressed={kind === k.kind}
            data-testid={`signal-${k.kind}`}
            h="100%"
          >
            <Paper
              withBorder
              p="md"
              h="100%"
              style={{
                borderColor: kind === k.kind ? 'var(--mantine-color-dinkes-6)' : undefined,
                borderWidth: kind === k.kind ? 2 : 1,
              }}
            >
              <Group justify="space-between" wrap="nowrap" align="start">
                <Text fw={600}>{k.title}</Text>
                <Badge
                  color={k.total > 0 ? 'orange' : 'gray'}
                  leftSection={k.total > 0 ? <IconAlertTriangle size={12} aria-hidden /> : null}
                  style={{ flexShrink: 0 }}
                >
                  {s.cases(k.total)}
                </Badge>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {list.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {list.data.title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {s.action}: {list.data.action}
          </Text>
        </Paper>
      )}
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <DataTable
        caption={s.caption(list.data?.title ?? '')}
        rows={list.data?.items}
        loading={list.loading}
        empty={s.empty}
        rowKey={(i) => i.nik}
        testId="signals-table"
        columns={[
          {
            key: 'person',
            header: s.person,
            cell: (i) => (
              <Stack gap={0}>
                <Anchor component={Link} to={`${paths.person(i.nik)}#riwayat`} fw={600}>
                  {i.name ?? '—'}
                </Anchor>
                <Text size="xs" className="mono">
                  {formatNik(i.nik)}
                </Text>
              </Stack>
            ),
          },
          { key: 'since', header: s.since, cell: (i) => formatDate(i.since) },
          { key: 'evidence', header: s.evidence, cell: (i) => <Evidence kind={kind} e={i.evidence} /> },
        ]}
      />
    </Stack>
  );
}
