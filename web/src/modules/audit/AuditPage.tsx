import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFilter, IconFilterOff } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AuditItem, AuditOptions } from '@server/platform/audit/schemas';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDateTime, formatDateTimeShort } from '../../shared/format';
import { roleName, t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { recordLink } from './links';
import { s } from './strings';

interface Filters {
  actor: string | null;
  action: string | null;
  entityType: string | null;
  entityId: string;
  from: string | null;
  to: string | null;
}

/** One audit row as the API gives it: codes with their words. */
type AuditRow = AuditItem;
type Options = AuditOptions;

const EMPTY: Filters = { actor: null, action: null, entityType: null, entityId: '', from: null, to: null };
const PAGE = 50;

/** Details as "key: value · key: value"; nested values stay JSON. */
function details(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object' || Array.isArray(v)) return typeof v === 'string' ? v : JSON.stringify(v);
  return Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== null && x !== undefined && x !== '')
    .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
    .join(' · ');
}

/** The query string of the applied filters, for the list and the XLSX download alike. */
function query(f: Filters): Record<string, string | undefined> {
  return {
    actor: f.actor ?? undefined,
    action: f.action ?? undefined,
    entityType: f.entityType ?? undefined,
    entityId: f.entityId.trim() || undefined,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
  };
}

export default function AuditPage() {
  const { can } = useSession();
  // Links from elsewhere (a person's timeline) open the log already filtered.
  const [params] = useSearchParams();
  const initial: Filters = {
    ...EMPTY,
    actor: params.get('actor'),
    action: params.get('action'),
    entityType: params.get('entityType'),
    entityId: params.get('entityId') ?? '',
  };
  const [draft, setDraft] = useState<Filters>(initial);
  const [applied, setApplied] = useState<Filters>(initial);
  const [items, setItems] = useState<AuditRow[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const requestSeq = useRef(0);
  const options = useApi<Options>('/api/v1/audit/options');

  const load = useCallback(async (f: Filters, before: number | null) => {
    const seq = ++requestSeq.current;
    setLoading(true);
    setError(null);
    try {
      const r = await api<{ items: AuditRow[]; nextBefore: number | null }>('/api/v1/audit', {
        query: { ...query(f), limit: PAGE, before },
      });
      if (seq !== requestSeq.current) return;
      setItems((old) => (before === null ? r.items : [...old, ...r.items]));
      setNextBefore(r.nextBefore);
    } catch (err) {
      if (seq === requestSeq.current) setError(err);
    } finally {
      if (seq === requestSeq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(applied, null);
  }, [applied, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...draft, entityId: draft.entityId.trim() });
  };
  const set =
    <K extends keyof Filters>(k: K) =>
    (v: Filters[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));

  const o = options.data;
  const actionData = useMemo(() => {
    if (!o) return [];
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const a of o.actions)
      groups.set(a.group, [...(groups.get(a.group) ?? []), { value: a.value, label: a.label }]);
    return [{ group: s.actionGroups, items: o.prefixes }, ...[...groups].map(([group, items]) => ({ group, items }))];
  }, [o]);
  const userData = useMemo(
    () =>
      (o?.users ?? []).map((u) => ({
        value: u.username,
        label: `${u.fullName ? `${u.fullName} (${u.username})` : u.username} · ${roleName(u.role)}${u.disabled ? ` · ${s.disabled}` : ''}`,
      })),
    [o],
  );
  const xlsxHref = useMemo(() => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query(applied))) if (v) p.set(k, v);
    const qs = p.toString();
    return `/api/v1/audit.xlsx${qs ? `?${qs}` : ''}`;
  }, [applied]);

  const columns: Column<AuditRow>[] = [
    {
      key: 'at',
      header: s.colAt,
      cell: (r) => (
        <Text size="sm" className="nowrap" title={formatDateTime(r.at)}>
          {formatDateTimeShort(r.at, true)}
        </Text>
      ),
    },
    {
      key: 'actor',
      header: s.colActor,
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={600} className="nowrap">
            {r.actorUsername ?? s.system}
          </Text>
          {r.actorRole && (
            <Text size="xs" c="gray.7">
              {roleName(r.actorRole)}
              {r.facilityCode ? ` · ${r.facilityCode}` : ''}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'action',
      header: s.colAction,
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm">{r.actionLabel}</Text>
          <Text size="xs" c="gray.7" className="mono nowrap">
            {r.action}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'entity',
      header: s.colEntity,
      cell: (r) => {
        if (!r.entityType) return null;
        const to = recordLink(r.entityType, r.entityId, r.entityRef, can);
        const what = r.entityType === 'user' && r.entityRef ? r.entityRef : r.entityId;
        return (
          <Stack gap={0}>
            <Text size="sm">{r.entityLabel}</Text>
            {to ? (
              <Anchor
                component={Link}
                to={to}
                size="sm"
                className="mono nowrap"
                aria-label={`${s.open(r.entityLabel ?? '')} ${what ?? ''}`}
              >
                {what}
              </Anchor>
            ) : (
              <Text size="sm" className="mono nowrap">
                {what}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      key: 'origin',
      header: s.colOrigin,
      cell: (r) => (
        <Text size="xs" c="gray.7" className="mono">
          {r.ip}
        </Text>
      ),
    },
    {
      key: 'details',
      header: s.colDetails,
      cell: (r) => (
        <Text size="xs" className="mono" style={{ overflowWrap: 'anywhere' }} maw={320}>
          {details(r.details)}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={s.title}
        description={s.description}
        actions={
          <Button
            component="a"
            href={xlsxHref}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            title={s.exportHint}
            data-testid="audit-xlsx"
          >
            {s.export}
          </Button>
        }
      />
      <ErrorAlert error={options.error} onRetry={options.reload} />
      <Paper withBorder p="lg">
        <form onSubmit={submit} aria-label={s.filters} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <Select
              label={s.actor}
              placeholder={s.actorAll}
              data={userData}
              value={draft.actor}
              onChange={set('actor')}
              searchable
              clearable
              data-testid="audit-actor"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={s.action}
              placeholder={s.actionAll}
              data={actionData}
              value={draft.action}
              onChange={set('action')}
              searchable
              clearable
              maxDropdownHeight={360}
              data-testid="audit-action"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={s.entityType}
              placeholder={s.entityTypeAll}
              data={o?.entityTypes ?? []}
              value={draft.entityType}
              onChange={set('entityType')}
              searchable
              clearable
              data-testid="audit-entity-type"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={s.entityId}
              placeholder={s.entityIdHint}
              value={draft.entityId}
              onChange={(e) => set('entityId')(e.currentTarget.value)}
              classNames={{ input: 'mono' }}
            />
            <DateField label={s.from} value={draft.from} onChange={set('from')} clearable />
            <DateField label={s.to} value={draft.to} onChange={set('to')} clearable />
          </SimpleGrid>
          <Group justify="flex-end" mt="md" gap="sm">
            <Button
              variant="default"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={() => {
                setDraft(EMPTY);
                setApplied(EMPTY);
              }}
            >
              {s.clear}
            </Button>
            <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
              {s.apply}
            </Button>
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={error} onRetry={() => void load(applied, null)} />
      <DataTable
        caption={s.caption}
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        loading={loading}
        empty={s.empty}
        minWidth={1040}
        testId="audit-table"
      />
      <Group justify="space-between" aria-live="polite">
        <Text size="xs" c="gray.7">
          {items.length > 0 ? s.count(items.length) : ''}
          {items.length > 0 && nextBefore === null ? ` · ${s.end}` : ''}
        </Text>
        {nextBefore !== null && (
          <Button
            variant="light"
            onClick={() => void load(applied, nextBefore)}
            loading={loading}
            data-testid="audit-more"
          >
            {t.common.loadMore}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
