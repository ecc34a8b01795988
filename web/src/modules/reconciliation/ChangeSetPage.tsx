import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api, ApiError } from '../../shared/api';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageLoader } from '../../shared/ui/PageLoader';
import { useConfirm } from '../../shared/ui/useConfirm';
import { ConfirmEndingDialog, type EndingRequest } from './ConfirmEndingDialog';
import { ItemsPanel, type Filter } from './ItemsPanel';
import { KindsPanel } from './KindsPanel';
import { RejectDialog } from './RejectDialog';
import { s } from './strings';
import { SuspectBanner } from './SuspectBanner';
import type { ChangeSetDetail } from '@server/modules/reconciliation/schemas';

const p = s.page;
type AreaRow = ChangeSetDetail['byVillage'][number];
type Body = { kinds?: string[]; itemIds?: number[]; confirmMissing?: number };

/**
 * One change set (MEM-7): the alarm of a suspect file first, totals by kind
 * and by area, the items with a sample to check by hand, and — for the
 * membership officer while anything is undecided — decisions kind by kind
 * or item by item that leave the rest open (issue 10). Approving endings of
 * a suspect set asks for their number typed.
 */
export default function ChangeSetPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const {
    data: cs,
    error,
    loading,
    reload,
  } = useApi<ChangeSetDetail>(Number.isSafeInteger(id) ? `/api/v1/reconciliation/change-sets/${id}` : null);
  const [filter, setFilter] = useState<Filter>({ kind: '', area: '' });
  const [kinds, setKinds] = useState<Set<string>>(new Set());
  const [items, setItems] = useState<Set<number>>(new Set());
  const [version, setVersion] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [ending, setEnding] = useState<EndingRequest | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();

  if (!cs) return error ? <ErrorAlert error={error} onRetry={reload} /> : loading ? <PageLoader /> : null;

  const pending = cs.status === 'PENDING';
  const review = pending && can('reconciliation.review') && cs.pendingCount > 0;
  const noun = s.suspect.noun[cs.kind]!;
  const undecidedEnding = cs.byKind.reduce((a, k) => a + k.pendingEnding, 0);
  const kindName = (k: string) => s.kinds[k] ?? k;
  const done = () => {
    setKinds(new Set());
    setItems(new Set());
    setVersion((v) => v + 1);
    reload();
    notifications.show({ color: 'dinkes', message: p.approvedToast });
  };
  const post = (action: 'approve' | 'decline', body: Body) =>
    api(`/api/v1/reconciliation/change-sets/${cs.id}/${action}`, { method: 'POST', body });
  /** Approves; when the server asks for the typed number (a suspect set), opens the dialog that asks for it. */
  const approve = (body: Body) => async () => {
    setActionError(null);
    try {
      await post('approve', body);
      done();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFIRMATION_REQUIRED') {
        const n = (err.details as { ending?: number } | undefined)?.ending ?? 0;
        setEnding({
          ending: n,
          run: async (typed) => (await post('approve', { ...body, confirmMissing: typed }), done()),
        });
      } else setActionError(err);
    }
  };
  const decline = (body: Body) => async () => {
    setActionError(null);
    try {
      await post('decline', body);
      done();
    } catch (err) {
      setActionError(err);
    }
  };
  /** A suspect set's endings go straight to the typed confirmation; anything else to a plain one. */
  const approveWith = (body: Body, endingCount: number, plain: { title: string; body: string }) => {
    if (cs.suspect && endingCount > 0)
      setEnding({
        ending: endingCount,
        run: async (typed) => (await post('approve', { ...body, confirmMissing: typed }), done()),
      });
    else confirm({ ...plain, confirmLabel: p.approve, onConfirm: approve(body) });
  };
  const typedAll = cs.suspect && undecidedEnding > 0;

  const areaColumns: Column<AreaRow>[] = [
    {
      key: 'district',
      header: p.colDistrict,
      cell: (r) => (r.villageCode ? (r.districtName ?? r.villageCode.slice(0, 6)) : p.unknownArea),
    },
    { key: 'village', header: p.colVillage, cell: (r) => (r.villageCode ? (r.villageName ?? r.villageCode) : '') },
    {
      key: 'kinds',
      header: p.colKindName,
      cell: (r) => (
        <Text size="xs">
          {Object.entries(r.counts)
            .map(([k, n]) => `${kindName(k)} ${formatNumber(n)}`)
            .join(' · ')}
        </Text>
      ),
    },
    { key: 'total', header: p.colTotal, numeric: true, cell: (r) => formatNumber(r.total) },
    {
      key: 'filter',
      header: '',
      cell: (r) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setFilter({ ...filter, area: r.villageCode ?? '-' })}
        >
          {p.filterArea}
        </Anchor>
      ),
    },
  ];

  const selectedAny = kinds.size > 0 || items.size > 0;
  const selectedKinds = [...kinds].map(kindName);
  return (
    <Stack gap="md">
      <PageHeader
        title={p.title(cs.id)}
        description={p.intro(
          s.kindIntro[cs.kind] ?? cs.kind,
          formatDate(cs.asOf),
          cs.previousAsOf ? formatDate(cs.previousAsOf) : null,
          cs.fileName,
        )}
        actions={
          <Button
            component="a"
            href={`/api/v1/reconciliation/change-sets/${cs.id}/download`}
            download
            variant="light"
            leftSection={<IconDownload size={18} aria-hidden />}
            data-testid="download-all"
          >
            {p.download}
          </Button>
        }
      />
      {cs.suspect && cs.guard && <SuspectBanner guard={cs.guard} undecidedEnding={pending ? undecidedEnding : 0} />}
      <Group gap="sm">
        <Badge size="lg" color={s.statusColor[cs.status]} variant="light" data-testid="changeset-status">
          {s.status[cs.status]}
        </Badge>
        {cs.suspect && (
          <Badge size="lg" color="red" variant="filled" data-testid="changeset-suspect">
            {s.suspect.badge}
          </Badge>
        )}
        <Anchor component={Link} to={paths.reconciliation} size="sm">
          {t.common.back}
        </Anchor>
      </Group>
      {pending && cs.itemCount > 0 && (
        <Alert color="yellow" variant="light" data-testid="changeset-open">
          {p.pendingNote(formatNumber(cs.pendingCount), formatNumber(cs.itemCount), p.pendingKind[cs.kind] ?? cs.kind)}
          {!can('reconciliation.review') && (
            <Text size="sm" mt={4}>
              {p.readOnly}
            </Text>
          )}
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

      <KindsPanel
        cs={cs}
        review={review}
        selected={kinds}
        onSelect={setKinds}
        onFilter={(kind) => setFilter({ ...filter, kind })}
        onApproveKind={(r) =>
          approveWith({ kinds: [r.kind] }, r.pendingEnding, {
            title: p.confirmKindTitle(kindName(r.kind)),
            body: p.confirmKindBody(formatNumber(r.pending)),
          })
        }
        onDeclineKind={(r) =>
          confirm({
            title: p.confirmDeclineKindTitle(kindName(r.kind)),
            body: p.confirmDeclineKindBody(formatNumber(r.pending)),
            confirmLabel: p.decline,
            danger: true,
            onConfirm: decline({ kinds: [r.kind] }),
          })
        }
      >
        {review && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {p.selected(kinds.size, items.size)}
              {selectedAny && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ml="xs"
                  onClick={() => (setKinds(new Set()), setItems(new Set()))}
                >
                  {p.clearSelection}
                </Anchor>
              )}
            </Text>
            <Group gap="sm">
              <Button
                color="red"
                variant="subtle"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => setRejecting(true)}
                data-testid="reject"
              >
                {p.reject}
              </Button>
              <Button
                color="red"
                variant="light"
                disabled={!selectedAny}
                data-testid="decline-selected"
                onClick={() =>
                  confirm({
                    title: p.confirmDeclineSelectedTitle,
                    body: p.confirmDeclineSelectedBody(selectedKinds, items.size),
                    confirmLabel: p.decline,
                    danger: true,
                    onConfirm: decline({ kinds: [...kinds], itemIds: [...items] }),
                  })
                }
              >
                {p.declineSelected}
              </Button>
              <Button
                variant="light"
                disabled={!selectedAny}
                data-testid="approve-selected"
                onClick={() =>
                  confirm({
                    title: p.confirmSelectedTitle,
                    body: p.confirmSelectedBody(selectedKinds, items.size),
                    confirmLabel: p.approve,
                    onConfirm: approve({ kinds: [...kinds], itemIds: [...items] }),
                  })
                }
              >
                {p.approveSelected}
              </Button>
              <Button
                color={typedAll ? 'red' : undefined}
                variant={typedAll ? 'outline' : 'filled'}
                leftSection={<IconCheck size={16} aria-hidden />}
                data-testid="approve-all"
                onClick={() =>
                  approveWith({}, undecidedEnding, {
                    title: p.confirmAllTitle,
                    body: p.confirmAllBody(formatNumber(cs.pendingCount)),
                  })
                }
              >
                {typedAll
                  ? p.approveAllTyped(formatNumber(cs.pendingCount))
                  : p.approveAll(formatNumber(cs.pendingCount))}
              </Button>
            </Group>
          </Group>
        )}
      </KindsPanel>

      {cs.byVillage.length > 0 && (
        <Paper withBorder p="lg" component="section" aria-labelledby="by-area-title">
          <Stack gap="sm">
            <Title order={2} id="by-area-title">
              {p.byArea}
            </Title>
            <DataTable
              caption={p.byAreaCaption}
              columns={areaColumns}
              rows={cs.byVillage}
              rowKey={(r) => r.villageCode ?? '-'}
              minWidth={760}
              testId="changeset-areas"
            />
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
        onSaved={() => {
          setRejecting(false);
          done();
        }}
      />
      <ConfirmEndingDialog request={ending} noun={noun} onClose={() => setEnding(null)} />
      {dialog}
    </Stack>
  );
}
