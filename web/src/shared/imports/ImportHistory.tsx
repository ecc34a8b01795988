import { Anchor, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { paths } from '../../app/paths';
import { IconDownload } from '@tabler/icons-react';
import { formatDate, formatDateShort, formatDateTime, formatDateTimeShort, formatNumber } from '../format';
import type { ImportKind, ImportRecord } from '@server/platform/ingest/schemas';
import { DataTable, type Column } from '../ui/DataTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { reportUrl } from './ImportSummary';
import { s } from './strings';

const STATUS_COLOR: Record<string, string> = {
  running: 'blue',
  pending_review: 'yellow',
  applied: 'dinkes',
  rejected: 'gray',
  failed: 'red',
};

export function ImportHistory({
  kind,
  items,
  loading,
  error,
  onRetry,
}: {
  kind: ImportKind;
  items: ImportRecord[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v));
  const columns: Column<ImportRecord>[] = [
    {
      key: 'created',
      header: s.colCreated,
      cell: (r) => (
        <Text size="sm" className="nowrap" title={formatDateTime(r.createdAt)}>
          {formatDateTimeShort(r.createdAt)}
        </Text>
      ),
    },
    {
      key: 'asOf',
      header: s.colAsOf,
      cell: (r) => (
        <span className="nowrap" title={formatDate(r.asOf)}>
          {formatDateShort(r.asOf)}
        </span>
      ),
    },
    {
      key: 'file',
      header: s.colFile,
      cell: (r) => (
        <div>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} miw={120} maw={240}>
            {r.fileName}
          </Text>
          {r.rowsRead !== null && (
            <Text size="xs" c="dimmed">
              {s.rowsOf(n(r.rowsRead))}
            </Text>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      header: s.colStatus,
      cell: (r) => (
        <Stack gap={2} align="flex-start">
          <Badge color={STATUS_COLOR[r.status] ?? 'gray'} variant="light">
            {s.status[r.status] ?? r.status}
          </Badge>
          {r.changeSetId !== null && r.changeSetId !== undefined && (
            <Anchor
              component={Link}
              to={paths.changeSet(r.changeSetId)}
              size="xs"
              aria-label={`${s.colChangeSet} ${s.changeSetLink(r.changeSetId)}`}
              data-testid={`history-changeset-${r.id}`}
            >
              {s.colChangeSet} {s.changeSetLink(r.changeSetId)}
            </Anchor>
          )}
        </Stack>
      ),
    },
    { key: 'accepted', header: s.accepted, numeric: true, cell: (r) => n(r.accepted) },
    {
      key: 'rejected',
      header: s.rejected,
      numeric: true,
      cell: (r) => (
        <Text span size="sm" c={r.rejected ? 'red.8' : undefined} fw={r.rejected ? 700 : undefined}>
          {n(r.rejected)}
        </Text>
      ),
    },
    { key: 'warnings', header: s.warnings, numeric: true, cell: (r) => n(r.warnings) },
    {
      key: 'changes',
      header: s.colChanges,
      cell: (r) =>
        r.inserted === null ? (
          '—'
        ) : (
          <Text size="xs" miw={110}>
            {s.changes(n(r.inserted), n(r.updated), n(r.unchanged))}
          </Text>
        ),
    },
    {
      key: 'report',
      header: s.colReport,
      cell: (r) =>
        r.hasReport ? (
          <Anchor
            href={reportUrl(kind, r.id)}
            download
            size="sm"
            className="nowrap"
            aria-label={`${s.report}: ${r.fileName}`}
            data-testid={`history-report-${r.id}`}
          >
            <IconDownload size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {s.reportLink}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {s.noReport}
          </Text>
        ),
    },
  ];
  return (
    <Paper p={0} component="section" aria-labelledby="import-history-title" bg="transparent">
      <Stack gap="sm">
        <Title order={2} id="import-history-title">
          {s.historyTitle}
        </Title>
        <ErrorAlert error={error} onRetry={onRetry} />
        <DataTable
          caption={s.historyCaption}
          columns={columns}
          rows={items}
          rowKey={(r) => r.id}
          loading={loading}
          minWidth={900}
          testId="import-history"
        />
      </Stack>
    </Paper>
  );
}
