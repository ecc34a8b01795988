import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageLoader } from '../../shared/ui/PageLoader';
import { useConfirm } from '../../shared/ui/useConfirm';
import { ItemsPanel, type Filter } from './ItemsPanel';
import { RejectDialog } from './RejectDialog';
import { s } from './strings';
import type { ChangeSetDetail } from './types';

const p = s.page;
type KindRow = ChangeSetDetail['byKind'][number];
type AreaRow = ChangeSetDetail['byVillage'][number];

/** What became of a kind's items once decided: "3 disetujui · 1 tidak disetujui". */
function outcome(d: Record<string, number>) {
  return Object.entries(d)
    .filter(([k]) => k !== 'PENDING')
    .map(([k, n]) => `${formatNumber(n)} ${s.decision[k]?.toLowerCase() ?? k}`)
    .join(' · ');
}

/**
 * One change set (MEM-7): totals by kind and by area, the items with a sample
 * to check by hand, and — for the membership officer while it is pending —
 * approve all, approve the chosen kinds and items, or reject with a reason.
 */
export default function ChangeSetPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const { data: cs, error, loading, reload } = useApi<ChangeSetDetail>(Number.isSafeInteger(id) ? `/api/v1/reconciliation/change-sets/${id}` : null);
  const [filter, setFilter] = useState<Filter>({ kind: '', area: '' });
  const [kinds, setKinds] = useState<Set<string>>(new Set());
  const [items, setItems] = useState<Set<number>>(new Set());
  const [version, setVersion] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();

  if (!cs) return error ? <ErrorAlert error={error} onRetry={reload} /> : loading ? <PageLoader /> : null;

  const pending = cs.status === 'PENDING';
  const review = pending && can('reconciliation.review') && cs.itemCount > 0;
  const done = () => {
    setKinds(new Set());
    setItems(new Set());
    setVersion((v) => v + 1);
    reload();
    notifications.show({ color: 'dinkes', message: p.approvedToast });
  };
  const approve = (body: { kinds?: string[]; itemIds?: number[] }) => async () => {
    setActionError(null);
    try {
      await api(`/api/v1/reconciliation/change-sets/${cs.id}/approve`, { method: 'POST', body });
      done();
    } catch (err) {
      setActionError(err);
    }
  };
  const approveAll = () =>
    confirm({ title: p.confirmAllTitle, body: p.confirmAllBody(formatNumber(cs.itemCount)), confirmLabel: p.approve, onConfirm: approve({}) });
  const approveSelected = () =>
    confirm({
      title: p.confirmSelectedTitle,
      body: p.confirmSelectedBody([...kinds].map((k) => s.kinds[k] ?? k), items.size),
      confirmLabel: p.approve,
      onConfirm: approve({ kinds: [...kinds], itemIds: [...items] }),
    });

  const kindColumns: Column<KindRow>[] = [
    ...(review
      ? [
          {
            key: 'select',
            header: p.colSelect,
            cell: (r: KindRow) => (
              <Checkbox
                checked={kinds.has(r.kind)}
                onChange={(e) => {
                  const next = new Set(kinds);
                  if (e.currentTarget.checked) next.add(r.kind);
                  else next.delete(r.kind);
                  setKinds(next);
                }}
                aria-label={p.selectKind(s.kinds[r.kind] ?? r.kind)}
                data-testid={`select-kind-${r.kind}`}
              />
            ),
          },
        ]
      : []),
    {
      key: 'kind',
      header: p.colKindName,
      cell: (r) => (
        <div data-testid={`kind-row-${r.kind}`}>
          <Anchor component="button" type="button" size="sm" fw={600} onClick={() => setFilter({ ...filter, kind: r.kind })}>
            {s.kinds[r.kind] ?? r.label}
          </Anchor>
          <Text size="xs" c="dimmed" maw={520}>
            {s.kindHelp[r.kind]}
          </Text>
        </div>
      ),
    },
    { key: 'code', header: p.colCode, cell: (r) => <Text size="xs" ff="monospace">{r.kind}</Text> },
    { key: 'total', header: p.colTotal, numeric: true, cell: (r) => <span data-testid={`kind-total-${r.kind}`}>{formatNumber(r.total)}</span> },
    ...(pending ? [] : [{ key: 'outcome', header: p.colOutcome, cell: (r: KindRow) => <Text size="sm">{outcome(r.decisions)}</Text> }]),
  ];
  const areaColumns: Column<AreaRow>[] = [
    { key: 'district', header: p.colDistrict, cell: (r) => (r.villageCode ? (r.districtName ?? r.villageCode.slice(0, 6)) : p.unknownArea) },
    { key: 'village', header: p.colVillage, cell: (r) => (r.villageCode ? (r.villageName ?? r.villageCode) : '') },
    {
      key: 'kinds',
      header: p.colKindName,
      cell: (r) => (
        <Text size="xs">
          {Object.entries(r.counts)
            .map(([k, n]) => `${s.kinds[k] ?? k} ${formatNumber(n)}`)
            .join(' · ')}
        </Text>
      ),
    },
    { key: 'total', header: p.colTotal, numeric: true, cell: (r) => formatNumber(r.total) },
    {
      key: 'filter',
      header: '',
      cell: (r) => (
        <Anchor component="button" type="button" size="sm" onClick={() => setFilter({ ...filter, area: r.villageCode ?? '-' })}>
          {p.filterArea}
        </Anchor>
      ),
    },
  ];

  const selectedAny = kinds.size > 0 || items.size > 0;
  return (
    <Stack gap="md">
      <PageHeader
        title={p.title(cs.id)}
        description={p.intro(s.kindIntro[cs.kind] ?? cs.kind, formatDate(cs.asOf), cs.previousAsOf ? formatDate(cs.previousAsOf) : null, cs.fileName)}
        actions={
          <Button component="a" href={`/api/v1/reconciliation/change-sets/${cs.id}/download`} download variant="light" leftSection={<IconDownload size={18} aria-hidden />} data-testid="download-all">
            {p.download}
          </Button>
        }
      />
      <Group gap="sm">
        <Badge size="lg" color={s.statusColor[cs.status]} variant="light" data-testid="changeset-status">
          {s.status[cs.status]}
        </Badge>
        <Anchor component={Link} to={paths.reconciliation} size="sm">
          {t.common.back}
        </Anchor>
      </Group>
      {pending && cs.itemCount > 0 && (
        <Alert color="yellow" variant="light">
          {p.pendingNote}
          {!can('reconciliation.review') && <Text size="sm" mt={4}>{p.readOnly}</Text>}
        </Alert>
      )}
      {cs.itemCount === 0 && <Alert variant="light">{p.noChanges}</Alert>}
      {!pending && cs.decidedAt && (
        <Alert color={s.statusColor[cs.status]} variant="light" data-testid="changeset-decision">
          <Text size="sm">{p.decided(s.status[cs.status]!, cs.decidedBy, formatDateTime(cs.decidedAt))}</Text>
          {cs.itemCount > 0 && <Text size="sm">{p.counts(cs.approvedCount, cs.declinedCount, cs.staleCount)}</Text>}
          {cs.decisionNote && (
            <Text size="sm">
              {p.note}: {cs.decisionNote}
            </Text>
          )}
        </Alert>
      )}
      <ErrorAlert error={actionError} />

      <Paper withBorder p="lg" component="section" aria-labelledby="by-kind-title">
        <Stack gap="sm">
          <Title order={2} id="by-kind-title">
            {p.byKind}
          </Title>
          <DataTable caption={p.byKindCaption} columns={kindColumns} rows={cs.byKind} rowKey={(r) => r.kind} minWidth={640} testId="changeset-kinds" />
          {review && (
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {p.selected(kinds.size, items.size)}
                {selectedAny && (
                  <Anchor component="button" type="button" size="sm" ml="xs" onClick={() => (setKinds(new Set()), setItems(new Set()))}>
                    {p.clearSelection}
                  </Anchor>
                )}
              </Text>
              <Group gap="sm">
                <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} onClick={() => setRejecting(true)} data-testid="reject">
                  {p.reject}
                </Button>
                <Button variant="light" disabled={!selectedAny} onClick={approveSelected} data-testid="approve-selected">
                  {p.approveSelected}
                </Button>
                <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={approveAll} data-testid="approve-all">
                  {p.approveAll(formatNumber(cs.itemCount))}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </Paper>

      {cs.byVillage.length > 0 && (
        <Paper withBorder p="lg" component="section" aria-labelledby="by-area-title">
          <Stack gap="sm">
            <Title order={2} id="by-area-title">
              {p.byArea}
            </Title>
            <DataTable caption={p.byAreaCaption} columns={areaColumns} rows={cs.byVillage} rowKey={(r) => r.villageCode ?? '-'} minWidth={760} testId="changeset-areas" />
          </Stack>
        </Paper>
      )}

      {cs.itemCount > 0 && (
        <ItemsPanel
          cs={cs}
          filter={filter}
          onFilter={setFilter}
          selectable={review}
          selected={items}
          onToggle={(itemId, on) => {
            const next = new Set(items);
            if (on) next.add(itemId);
            else next.delete(itemId);
            setItems(next);
          }}
          version={version}
        />
      )}
      <RejectDialog
        id={cs.id}
        opened={rejecting}
        onClose={() => setRejecting(false)}
        onDone={() => {
          setRejecting(false);
          done();
        }}
      />
      {dialog}
    </Stack>
  );
}
