import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconDice5 } from '@tabler/icons-react';
import { useState } from 'react';
import { withQuery } from '../../shared/api';
import { formatDateShort, formatNik, formatNumber } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { ChangeLines } from './ChangeLines';
import { s } from './strings';
import type { ChangeItem, ChangeSetDetail } from '@server/modules/reconciliation/schemas';

const PAGE_SIZE = 50;
const p = s.page;

export interface Filter {
  kind: string;
  area: string;
}

/** Where an item is: "Kecamatan · Kelurahan", or a note when the NIK is outside the population. */
function area(r: { districtName: string | null; villageName: string | null; villageCode: string | null }) {
  if (!r.villageCode) return p.unknownArea;
  return [r.districtName, r.villageName ?? r.villageCode].filter(Boolean).join(' · ');
}

/**
 * The items of a change set: filtered by kind and area, a page at a time or
 * as a random sample, each with what changes (before → after). Items can be
 * picked for approval while the set is pending.
 */
export function ItemsPanel({
  cs,
  filter,
  onFilter,
  selectable,
  selected,
  onToggle,
  version,
}: {
  cs: ChangeSetDetail;
  filter: Filter;
  onFilter: (f: Filter) => void;
  selectable: boolean;
  selected: Set<number>;
  onToggle: (id: number, on: boolean) => void;
  /** Bumped after a decision so the lists reload. */
  version: number;
}) {
  const [tab, setTab] = useState<string | null>('all');
  const [page, setPage] = useState(1);
  const [seed, setSeed] = useState(() => String(Date.now()));
  const base = `/api/v1/reconciliation/change-sets/${cs.id}`;
  const query = { kind: filter.kind || undefined, area: filter.area || undefined };
  const items = useApi<{ total: number; items: ChangeItem[] }>(tab === 'all' ? `${base}/items` : null, {
    ...query,
    page,
    pageSize: PAGE_SIZE,
    v: version,
  });
  const sample = useApi<{ items: ChangeItem[] }>(tab === 'sample' ? `${base}/sample` : null, {
    ...query,
    size: 50,
    seed,
    v: version,
  });

  const setFilter = (f: Filter) => {
    setPage(1);
    onFilter(f);
  };
  const kindOptions = [
    { value: '', label: p.allKinds },
    ...cs.byKind.map((k) => ({ value: k.kind, label: `${s.kinds[k.kind] ?? k.kind} (${formatNumber(k.total)})` })),
  ];
  const areaOptions = [
    { value: '', label: p.allAreas },
    ...cs.byVillage.map((v) => ({
      value: v.villageCode ?? '-',
      label: `${v.villageCode ? area(v) : p.unknownArea} (${formatNumber(v.total)})`,
    })),
  ];

  const columns: Column<ChangeItem>[] = [
    ...(selectable
      ? [
          {
            key: 'select',
            header: p.colSelect,
            // Only undecided items can be chosen: a decision is final, the rest stays open.
            cell: (r: ChangeItem) => (
              <Checkbox
                disabled={r.decision !== 'PENDING'}
                checked={selected.has(r.id)}
                onChange={(e) => onToggle(r.id, e.currentTarget.checked)}
                aria-label={p.selectItem(formatNik(r.nik))}
                data-testid={`select-item-${r.id}`}
              />
            ),
          },
        ]
      : []),
    { key: 'no', header: p.colNo, numeric: true, cell: (r) => r.id },
    { key: 'nik', header: p.colNik, cell: (r) => <span className="nowrap num">{formatNik(r.nik)}</span> },
    { key: 'name', header: p.colName, cell: (r) => r.name },
    {
      key: 'kind',
      header: p.colKindName,
      cell: (r) => (
        <Badge variant="light" style={{ textTransform: 'none' }} title={s.kindHelp[r.kind]}>
          {s.kinds[r.kind] ?? r.kind}
        </Badge>
      ),
    },
    { key: 'area', header: p.colArea, cell: (r) => <Text size="sm">{area(r)}</Text> },
    {
      key: 'effective',
      header: p.colEffective,
      cell: (r) => <span className="nowrap">{formatDateShort(r.effectiveDate)}</span>,
    },
    {
      key: 'change',
      header: p.colChange,
      cell: (r) => <ChangeLines before={r.before} after={r.after} />,
    },
    {
      key: 'decision',
      header: p.colDecision,
      cell: (r) => (
        <Badge color={s.decisionColor[r.decision]} variant="light" style={{ textTransform: 'none' }}>
          {s.decision[r.decision] ?? r.decision}
        </Badge>
      ),
    },
  ];

  const total = items.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="items-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} id="items-title">
            {p.items}
          </Title>
          <Anchor href={withQuery(`${base}/download`, query)} download size="sm" data-testid="download-filtered">
            <IconDownload size={14} aria-hidden style={{ verticalAlign: '-2px' }} />{' '}
            {filter.kind || filter.area ? p.downloadFiltered : p.download}
          </Anchor>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={p.filterKind}
            data={kindOptions}
            value={filter.kind}
            onChange={(v) => setFilter({ ...filter, kind: v ?? '' })}
            allowDeselect={false}
            w={260}
            data-testid="filter-kind"
          />
          <Select
            label={p.filterAreaLabel}
            data={areaOptions}
            value={filter.area}
            onChange={(v) => setFilter({ ...filter, area: v ?? '' })}
            allowDeselect={false}
            searchable
            w={320}
            data-testid="filter-area"
          />
          {(filter.kind || filter.area) && (
            <Button variant="subtle" onClick={() => setFilter({ kind: '', area: '' })}>
              {p.resetFilter}
            </Button>
          )}
        </Group>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="all" data-testid="tab-all">
              {p.tabAll}
            </Tabs.Tab>
            <Tabs.Tab value="sample" data-testid="tab-sample">
              {p.tabSample}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="all" pt="md">
            <Stack gap="sm">
              <ErrorAlert error={items.error} onRetry={items.reload} />
              <Text size="sm" c="dimmed" aria-live="polite">
                {p.total(formatNumber(total))}
              </Text>
              <DataTable
                caption={p.itemsCaption}
                columns={columns}
                rows={items.data?.items}
                rowKey={(r) => r.id}
                loading={items.loading}
                minWidth={1100}
                testId="changeset-items"
              />
              {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} aria-label={p.items} />}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="sample" pt="md">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {p.sampleIntro(sample.data?.items.length ?? 0)}
                </Text>
                <Button
                  variant="light"
                  leftSection={<IconDice5 size={16} aria-hidden />}
                  onClick={() => setSeed(String(Date.now()))}
                >
                  {p.newSample}
                </Button>
              </Group>
              <ErrorAlert error={sample.error} onRetry={sample.reload} />
              <DataTable
                caption={p.itemsCaption}
                columns={columns}
                rows={sample.data?.items}
                rowKey={(r) => r.id}
                loading={sample.loading}
                minWidth={1100}
                testId="changeset-sample"
              />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
