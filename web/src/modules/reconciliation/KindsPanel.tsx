import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '../../shared/format';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { s } from './strings';
import type { ChangeSetDetail } from '@server/modules/reconciliation/schemas';

const p = s.page;
type KindRow = ChangeSetDetail['byKind'][number];

/** What became of a kind's decided items: "3 disetujui · 1 tidak disetujui". */
function outcome(d: Record<string, number>) {
  return Object.entries(d)
    .filter(([k]) => k !== 'PENDING')
    .map(([k, n]) => `${formatNumber(n)} ${s.decision[k]?.toLowerCase() ?? k}`)
    .join(' · ');
}

/**
 * Totals by kind, each kind named in words (its code in a column of its
 * own), with per-kind approve / decline buttons that leave the other kinds
 * open (issue 10) and a checkbox to combine kinds with chosen items.
 */
export function KindsPanel({
  cs,
  review,
  selected,
  onSelect,
  onFilter,
  onApproveKind,
  onDeclineKind,
  children,
}: {
  cs: ChangeSetDetail;
  review: boolean;
  selected: Set<string>;
  onSelect: (kinds: Set<string>) => void;
  onFilter: (kind: string) => void;
  onApproveKind: (r: KindRow) => void;
  onDeclineKind: (r: KindRow) => void;
  children?: React.ReactNode;
}) {
  const anyDecided = cs.byKind.some((r) => r.pending < r.total);
  const columns: Column<KindRow>[] = [
    ...(review
      ? [
          {
            key: 'select',
            header: p.colSelect,
            cell: (r: KindRow) =>
              r.pending > 0 ? (
                <Checkbox
                  checked={selected.has(r.kind)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.currentTarget.checked) next.add(r.kind);
                    else next.delete(r.kind);
                    onSelect(next);
                  }}
                  aria-label={p.selectKind(s.kinds[r.kind] ?? r.kind)}
                  data-testid={`select-kind-${r.kind}`}
                />
              ) : null,
          },
        ]
      : []),
    {
      key: 'kind',
      header: p.colKindName,
      cell: (r) => (
        <div data-testid={`kind-row-${r.kind}`}>
          <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onFilter(r.kind)}>
            {s.kinds[r.kind] ?? r.label}
          </Anchor>
          <Text size="xs" c="dimmed" maw={460}>
            {s.kindHelp[r.kind]}
          </Text>
        </div>
      ),
    },
    {
      key: 'code',
      header: p.colCode,
      cell: (r) => (
        <Text size="xs" ff="monospace">
          {r.kind}
        </Text>
      ),
    },
    {
      key: 'total',
      header: p.colTotal,
      numeric: true,
      cell: (r) => <span data-testid={`kind-total-${r.kind}`}>{formatNumber(r.total)}</span>,
    },
    ...(cs.status === 'PENDING'
      ? [
          {
            key: 'pending',
            header: p.colPending,
            numeric: true,
            cell: (r: KindRow) => <span data-testid={`kind-pending-${r.kind}`}>{formatNumber(r.pending)}</span>,
          },
        ]
      : []),
    ...(anyDecided || cs.status !== 'PENDING'
      ? [
          {
            key: 'outcome',
            header: p.colOutcome,
            cell: (r: KindRow) => (
              <Text size="sm" data-testid={`kind-outcome-${r.kind}`}>
                {outcome(r.decisions)}
              </Text>
            ),
          },
        ]
      : []),
    ...(review
      ? [
          {
            key: 'decide',
            header: p.colDecide,
            cell: (r: KindRow) =>
              r.pending > 0 ? (
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onApproveKind(r)}
                    aria-label={p.approveKindLabel(s.kinds[r.kind] ?? r.kind)}
                    data-testid={`approve-kind-${r.kind}`}
                  >
                    {p.approveKind}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => onDeclineKind(r)}
                    aria-label={p.declineKindLabel(s.kinds[r.kind] ?? r.kind)}
                    data-testid={`decline-kind-${r.kind}`}
                  >
                    {p.declineKind}
                  </Button>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  {p.allDecided}
                </Text>
              ),
          },
        ]
      : []),
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="by-kind-title">
      <Stack gap="sm">
        <Title order={2} id="by-kind-title">
          {p.byKind}
        </Title>
        <DataTable
          caption={p.byKindCaption}
          columns={columns}
          rows={cs.byKind}
          rowKey={(r) => r.kind}
          minWidth={720}
          testId="changeset-kinds"
        />
        {children}
      </Stack>
    </Paper>
  );
}
