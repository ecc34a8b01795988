import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api, messageOf } from '../../shared/api';
import { formatDateShort, formatDateTimeShort, formatKk, formatNumber } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useConfirm } from '../../shared/ui/useConfirm';
import { AreaPicker } from './AreaPicker';
import { PrintStateBadge, ReissueBadge } from './CardBadges';
import { ReissueFlagged } from './ReissueFlagged';
import { downloadPdf } from './download';
import { HandoverDialog } from './HandoverDialog';
import { s } from './strings';
import type {
  BatchCreated,
  BatchPage,
  FamilyCard,
  Layout,
  PrintBatch,
  PrintState,
  QueuePage,
} from '@server/modules/cards/schemas';
import { PRINT_STATES } from '@server/modules/cards/labels';

const q = s.queue;
type Tab = PrintState | 'ALL' | 'PERLU_CETAK_ULANG';
const STATES: Tab[] = [...PRINT_STATES, 'ALL', 'PERLU_CETAK_ULANG'];

function Batches({ manage }: { manage: boolean }) {
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi<BatchPage>('/api/v1/cards/print-batches', {
    page,
    pageSize: 10,
  });
  const pdf = async (b: PrintBatch) => {
    try {
      await downloadPdf(`/api/v1/cards/print-batches/${b.id}/pdf`, undefined, `batch-cetak-${b.id}.pdf`);
    } catch (err) {
      notifications.show({ color: 'red', message: messageOf(err) });
    }
  };
  const columns: Column<PrintBatch>[] = [
    { key: 'id', header: q.batchCol.id, cell: (b) => `#${b.id}` },
    { key: 'at', header: q.batchCol.at, cell: (b) => formatDateTimeShort(b.createdAt) },
    { key: 'by', header: q.batchCol.by, cell: (b) => b.createdBy ?? '' },
    { key: 'layout', header: q.batchCol.layout, cell: (b) => s.layoutShort[b.layout] },
    { key: 'count', header: q.batchCol.count, numeric: true, cell: (b) => formatNumber(b.cardCount) },
    { key: 'handed', header: q.batchCol.handed, numeric: true, cell: (b) => formatNumber(b.handedOver) },
    ...(manage
      ? [
          {
            key: 'pdf',
            header: q.batchCol.pdf,
            cell: (b: PrintBatch) => (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconDownload size={14} aria-hidden />}
                onClick={() => pdf(b)}
              >
                {q.pdf}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section aria-labelledby="batches-title">
      <Title order={2} id="batches-title" mb="sm">
        {q.batches}
      </Title>
      <ErrorAlert error={error} onRetry={reload} />
      <DataTable
        caption={q.batchesCaption}
        columns={columns}
        rows={data?.items}
        rowKey={(b) => b.id}
        loading={loading}
        empty={q.noBatches}
        testId="print-batches"
      />
      {pages > 1 && <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" />}
    </section>
  );
}

/** The print queue: filter, select, one PDF, record the batch, record hand-overs. */
export default function PrintQueuePage() {
  const { can } = useSession();
  const manage = can('card.manage');
  const [params, setParams] = useSearchParams();
  const area = params.get('area');
  const from = params.get('dari');
  const to = params.get('sampai');
  const state = (params.get('status') as Tab | null) ?? 'BELUM_CETAK';
  const flaggedOnly = state === 'PERLU_CETAK_ULANG';
  const page = Number(params.get('hal') ?? '1') || 1;
  const pageSize = Number(params.get('baris') ?? '50') || 50;
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [layout, setLayout] = useState<Layout>('A4');
  const [busy, setBusy] = useState<'pdf' | 'batch' | null>(null);
  const [handover, setHandover] = useState<FamilyCard | null>(null);
  const [version, setVersion] = useState(0);
  const { confirm, dialog } = useConfirm();

  const { data, error, loading, reload } = useApi<QueuePage>('/api/v1/cards', {
    area,
    issuedFrom: from,
    issuedTo: to,
    printState: state === 'ALL' || flaggedOnly ? null : state,
    needsReissue: flaggedOnly ? 'true' : null,
    page,
    pageSize,
  });

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('hal' in changes)) next.delete('hal');
    setParams(next, { replace: true });
    setSelected(new Set());
  };

  const rows = data?.items ?? [];
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const refresh = () => {
    setSelected(new Set());
    reload();
    setVersion((v) => v + 1);
  };

  const pdf = async () => {
    setBusy('pdf');
    try {
      await downloadPdf('/api/v1/cards/print/pdf', { cardIds: [...selected], layout }, 'kartu-ks-nik.pdf');
    } catch (err) {
      notifications.show({ color: 'red', message: messageOf(err) });
    } finally {
      setBusy(null);
    }
  };

  const markPrinted = () =>
    confirm({
      title: q.markTitle,
      body: q.markBody(selected.size),
      confirmLabel: q.markPrinted,
      onConfirm: async () => {
        setBusy('batch');
        try {
          const b = await api<BatchCreated>('/api/v1/cards/print-batches', {
            method: 'POST',
            body: { cardIds: [...selected], layout },
          });
          notifications.show({ color: 'dinkes', message: q.batchDone(b.id, b.cardCount) });
          refresh();
        } catch (err) {
          notifications.show({ color: 'red', message: messageOf(err) });
        } finally {
          setBusy(null);
        }
      },
    });

  const columns: Column<FamilyCard>[] = [
    ...(manage
      ? [
          {
            key: 'sel',
            header: (
              <Checkbox
                aria-label={q.selectAll}
                checked={allOnPage}
                indeterminate={!allOnPage && rows.some((r) => selected.has(r.id))}
                onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
                data-testid="select-all"
              />
            ),
            width: 40,
            cell: (c: FamilyCard) => (
              <Checkbox aria-label={q.select(c.number)} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
            ),
          },
        ]
      : []),
    { key: 'number', header: s.col.number, cell: (c) => <span className="mono">{c.number}</span> },
    {
      key: 'head',
      header: s.col.head,
      cell: (c) => (
        <Anchor component={Link} to={paths.familyCard(c.noKk)} size="sm" fw={600}>
          {c.headName}
        </Anchor>
      ),
    },
    { key: 'kk', header: s.col.noKk, cell: (c) => <span className="mono">{formatKk(c.noKk)}</span> },
    { key: 'village', header: s.col.village, cell: (c) => c.villageName ?? c.villageCode },
    { key: 'rtrw', header: s.col.rtRw, cell: (c) => (c.rt || c.rw ? `${c.rt ?? '-'}/${c.rw ?? '-'}` : '') },
    { key: 'issued', header: s.col.issued, cell: (c) => formatDateShort(c.issuedOn) },
    {
      key: 'print',
      header: s.col.print,
      cell: (c) => (
        <Stack gap={2}>
          <PrintStateBadge state={c.printState} />
          <ReissueBadge flags={c.reissueFlags} />
          {c.reissueFlags?.length ? (
            <Text size="xs" data-testid={`reissue-reasons-${c.number}`}>
              {c.reissueFlags.map((f) => `${f.label} (${f.members})`).join('; ')}
            </Text>
          ) : null}
          {c.handedOverTo && (
            <Text size="xs" c="dimmed">
              {s.family.to(c.handedOverTo)}
            </Text>
          )}
        </Stack>
      ),
    },
    ...(manage
      ? [
          {
            key: 'act',
            header: '',
            cell: (c: FamilyCard) =>
              c.printState === 'SUDAH_CETAK' ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setHandover(c)}
                  data-testid={`handover-${c.number}`}
                >
                  {q.handover}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const totals = data?.totals;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const label = (st: Tab) => {
    const name = st === 'ALL' ? q.all : st === 'PERLU_CETAK_ULANG' ? q.needsReissueTab : s.printState[st];
    const n = totals ? (st === 'ALL' ? totals.all : totals[st]) : null;
    return `${name}${n !== null ? ` (${formatNumber(n)})` : ''}`;
  };

  return (
    <Stack gap="md">
      <PageHeader title={q.title} description={q.description} />
      <Paper withBorder p="md" component="section" aria-label="Saringan">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <AreaPicker
            value={area}
            onChange={(v) => set({ area: v })}
            districtLabel={q.district}
            villageLabel={q.village}
            testId="queue-area"
          />
          <DateField label={q.from} value={from} onChange={(v) => set({ dari: v })} clearable w={190} />
          <DateField label={q.to} value={to} onChange={(v) => set({ sampai: v })} clearable w={190} />
        </Group>
      </Paper>
      <SegmentedControl
        value={state}
        onChange={(v) => set({ status: v === 'BELUM_CETAK' ? null : v })}
        data={STATES.map((st) => ({ value: st, label: label(st) }))}
        fullWidth
        data-testid="print-state-filter"
      />
      <ErrorAlert error={error} onRetry={reload} />
      {flaggedOnly && <ReissueFlagged key={area ?? 'all'} area={area} manage={manage} onDone={refresh} />}
      {manage && (
        <Paper
          withBorder
          p="sm"
          bg={selected.size ? 'var(--mantine-color-dinkes-0)' : undefined}
          data-testid="selection-bar"
        >
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" fw={600} aria-live="polite">
              {q.selected(selected.size)}
            </Text>
            <Group gap="sm" wrap="wrap">
              <Select
                aria-label={q.layout}
                data={(['A4', 'CARD'] as const).map((l) => ({ value: l, label: s.layout[l] }))}
                value={layout}
                onChange={(v) => v && setLayout(v as Layout)}
                allowDeselect={false}
                w={300}
              />
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                disabled={!selected.size}
                loading={busy === 'pdf'}
                onClick={pdf}
                data-testid="queue-pdf"
              >
                {q.pdf}
              </Button>
              <Button
                leftSection={<IconPrinter size={16} aria-hidden />}
                disabled={!selected.size}
                loading={busy === 'batch'}
                onClick={markPrinted}
                data-testid="queue-mark-printed"
              >
                {q.markPrinted}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <DataTable
        caption={q.caption}
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        loading={loading}
        empty={q.empty}
        minWidth={980}
        testId="print-queue"
      />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" data-testid="queue-total">
          {q.total(formatNumber(data?.total ?? 0))}
        </Text>
        <Group gap="sm">
          <Select
            aria-label={q.pageSize}
            data={['25', '50', '100', '200']}
            value={String(pageSize)}
            onChange={(v) => set({ baris: v })}
            allowDeselect={false}
            w={90}
          />
          {pages > 1 && <Pagination total={pages} value={page} onChange={(p) => set({ hal: String(p) })} size="sm" />}
        </Group>
      </Group>
      <Batches key={version} manage={manage} />
      <HandoverDialog
        card={handover}
        onClose={() => setHandover(null)}
        onSave={async (recipient, on) => {
          const c = await api<FamilyCard>(`/api/v1/cards/${handover!.id}/handover`, {
            method: 'POST',
            body: { to: recipient, on },
          });
          notifications.show({ color: 'dinkes', message: q.handoverDone(c.number) });
          refresh();
        }}
      />
      {dialog}
    </Stack>
  );
}
