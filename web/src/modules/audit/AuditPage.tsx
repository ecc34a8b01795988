import { Button, Code, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../shared/api';
import { formatDateTime, formatDateTimeShort } from '../../shared/format';
import { roleName, t } from '../../shared/i18n';
import type { AuditItem } from '../../shared/types';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';

interface Filters {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string | null;
  to: string | null;
}

const EMPTY: Filters = { actor: '', action: '', entityType: '', entityId: '', from: null, to: null };
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

export default function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditItem[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const requestSeq = useRef(0);

  const load = useCallback(async (f: Filters, before: number | null) => {
    const seq = ++requestSeq.current;
    setLoading(true);
    setError(null);
    try {
      const r = await api<{ items: AuditItem[]; nextBefore: number | null }>('/api/v1/audit', {
        query: { ...f, limit: PAGE, before },
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
    setApplied({ ...draft, actor: draft.actor.trim(), action: draft.action.trim(), entityType: draft.entityType.trim(), entityId: draft.entityId.trim() });
  };
  const set = (k: keyof Filters) => (v: string | null) => setDraft((d) => ({ ...d, [k]: v ?? '' }));

  const columns: Column<AuditItem>[] = [
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
          <Text size="sm" fw={600}>
            {r.actorUsername ?? s.system}
          </Text>
          {r.actorRole && (
            <Text size="xs" c="dimmed">
              {roleName(r.actorRole)}
              {r.facilityCode ? ` · ${r.facilityCode}` : ''}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'action', header: s.colAction, cell: (r) => <Code>{r.action}</Code> },
    {
      key: 'entity',
      header: s.colEntity,
      cell: (r) =>
        r.entityType ? (
          <Text size="sm">
            {r.entityType} <span className="mono">{r.entityId}</span>
          </Text>
        ) : null,
    },
    {
      key: 'origin',
      header: s.colOrigin,
      cell: (r) => (
        <Text size="xs" c="dimmed" className="mono">
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
      <PageHeader title={s.title} description={s.description} />
      <Paper withBorder p="lg">
        <form onSubmit={submit} aria-label={s.filters} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <TextInput label={s.actor} value={draft.actor} onChange={(e) => set('actor')(e.currentTarget.value)} autoCapitalize="none" />
            <TextInput label={s.action} placeholder={s.actionHint} value={draft.action} onChange={(e) => set('action')(e.currentTarget.value)} />
            <TextInput label={s.entityType} placeholder={s.entityTypeHint} value={draft.entityType} onChange={(e) => set('entityType')(e.currentTarget.value)} />
            <TextInput label={s.entityId} placeholder={s.entityIdHint} value={draft.entityId} onChange={(e) => set('entityId')(e.currentTarget.value)} classNames={{ input: 'mono' }} />
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
      <DataTable caption={s.caption} columns={columns} rows={items} rowKey={(r) => r.id} loading={loading} empty={s.empty} minWidth={1000} testId="audit-table" />
      <Group justify="space-between" aria-live="polite">
        <Text size="xs" c="dimmed">
          {items.length > 0 ? s.count(items.length) : ''}
          {items.length > 0 && nextBefore === null ? ` · ${s.end}` : ''}
        </Text>
        {nextBefore !== null && (
          <Button variant="light" onClick={() => void load(applied, nextBefore)} loading={loading} data-testid="audit-more">
            {t.common.loadMore}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
