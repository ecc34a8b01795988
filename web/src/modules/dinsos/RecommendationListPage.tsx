import { Button, Checkbox, Group, Pagination, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDateShort, formatNik } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { NumberLink } from '../../shared/ui/NumberLink';
import { NewButton } from '../../shared/ui/NewButton';
import { PageHeader } from '../../shared/ui/PageHeader';
import { StateBadge } from './StateBadge';
import { s } from './strings';
import type { LetterListItem, LetterPage } from '@server/modules/dinsos/schemas';
import { LETTER_STATES } from '@server/modules/dinsos/labels';

const PAGE_SIZE = 50;
const l = s.list;

const STATE_OPTIONS = [
  { value: '', label: l.allStatus },
  ...LETTER_STATES.map((v) => ({ value: v, label: s.state[v] })),
];
const CATEGORY_OPTIONS = [
  { value: '', label: l.allCategories },
  ...Object.entries(s.category).map(([value, label]) => ({ value, label })),
];

/** Letters, newest first (or soonest to end when "expiring" is on), searchable by number, NIK or name. */
export default function RecommendationListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const category = params.get('category') ?? '';
  const expiring = params.get('expiring') === '1';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [input, setInput] = useState(q);
  useEffect(() => setInput(q), [q]);

  const { data, error, loading, reload } = useApi<LetterPage>('/api/v1/recommendations', {
    q: q || undefined,
    status: status || undefined,
    category: category || undefined,
    expiringWithinDays: expiring ? 30 : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: input.trim() || null });
  };

  const columns: Column<LetterListItem>[] = [
    {
      key: 'number',
      header: l.col.number,
      cell: (r) => (
        <NumberLink to={paths.recommendation(r.id)} stopRowClick>
          {r.number}
        </NumberLink>
      ),
    },
    { key: 'name', header: l.col.name, cell: (r) => r.personName },
    { key: 'nik', header: l.col.nik, cell: (r) => <span className="mono nowrap">{formatNik(r.nik)}</span> },
    { key: 'category', header: l.col.category, cell: (r) => s.category[r.category] ?? r.category },
    {
      key: 'validity',
      header: l.col.validity,
      cell: (r) => (
        <span className="nowrap">
          {formatDateShort(r.validFrom)} – {formatDateShort(r.validTo)}
        </span>
      ),
    },
    { key: 'state', header: l.col.state, cell: (r) => <StateBadge state={r.state} /> },
    { key: 'issued', header: l.col.issued, cell: (r) => <span className="nowrap">{formatDateShort(r.issuedOn)}</span> },
  ];

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="md">
      <PageHeader
        title={l.title}
        description={l.description}
        actions={
          can('recommendation.manage') ? (
            <NewButton to={paths.recommendationNew} letter testId="recommendation-new">
              {l.create}
            </NewButton>
          ) : null
        }
      />
      <Paper withBorder p="lg">
        <form onSubmit={submit} role="search" aria-label={l.title}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={l.q}
              placeholder={l.qPlaceholder}
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              style={{ flex: '2 1 280px' }}
              type="search"
              autoComplete="off"
              data-testid="recommendation-search"
            />
            <Select
              label={l.status}
              data={STATE_OPTIONS}
              value={status}
              onChange={(v) => update({ status: v || null })}
              allowDeselect={false}
              style={{ flex: '1 1 160px' }}
              data-testid="recommendation-status"
            />
            <Select
              label={l.category}
              data={CATEGORY_OPTIONS}
              value={category}
              onChange={(v) => update({ category: v || null })}
              allowDeselect={false}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit">{l.search}</Button>
          </Group>
          <Group mt="sm" justify="space-between">
            <Checkbox
              label={l.expiring}
              checked={expiring}
              onChange={(e) => update({ expiring: e.currentTarget.checked ? '1' : null })}
            />
            {(q || status || category || expiring) && (
              <Button variant="subtle" size="compact-sm" onClick={() => setParams(new URLSearchParams())}>
                {l.reset}
              </Button>
            )}
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={error} onRetry={reload} />
      <div aria-live="polite" role="status">
        {data && !loading && (
          <Text size="sm" fw={600}>
            {l.count(data.total)}
          </Text>
        )}
      </div>
      <DataTable
        caption={l.caption}
        columns={columns}
        rows={data?.items}
        rowKey={(r) => r.id}
        loading={loading}
        empty={l.none}
        minWidth={980}
        onRowClick={(r) => navigate(paths.recommendation(r.id))}
        testId="recommendation-list"
      />
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={(p) => update({ page: String(p) })} />
        </Group>
      )}
      {!can('recommendation.manage') && (
        <Text size="xs" c="dimmed">
          {l.readOnly}
        </Text>
      )}
    </Stack>
  );
}
