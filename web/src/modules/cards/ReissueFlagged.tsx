import { Alert, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { useJob } from '../../shared/imports/useJob';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { useConfirm } from '../../shared/ui/useConfirm';
import { s } from './strings';
import type { AreaTree, FlaggedSummary, ReissueFlaggedResult, ReissueJobStarted } from '@server/modules/cards/schemas';

const q = s.queue;

/** "Kel. X, Kec. Y" or "Kec. Y" for an area code of the picker; never the bare code. */
function nameOf(code: string, tree: AreaTree): string {
  const d = tree.districts.find((x) => code.startsWith(x.code));
  if (!d) return q.wholeArea;
  const v = code.length > 6 ? d.villages.find((x) => x.code === code) : undefined;
  return v ? `Kel. ${v.name}, Kec. ${d.name}` : `Kec. ${d.name}`;
}

/**
 * The cards of the area that need reissuing because their members' coverage
 * changed, by reason, and the bulk reissue: confirmed with the count shown,
 * which the server checks again (the register may have changed meanwhile).
 */
export function ReissueFlagged({ area, manage, onDone }: { area: string | null; manage: boolean; onDone: () => void }) {
  const { data, error, reload } = useApi<FlaggedSummary>('/api/v1/cards/reissue-flagged', { area });
  const { data: areas } = useApi<AreaTree>('/api/v1/cards/areas');
  const areaName = area && areas ? nameOf(area, areas) : null;
  const [jobId, setJobId] = useState<number | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const { job, error: pollError } = useJob(jobId);
  const { confirm, dialog } = useConfirm();
  const running = jobId !== null && (!job || job.status === 'queued' || job.status === 'running');
  const result = job?.status === 'succeeded' ? (job.result as unknown as ReissueFlaggedResult) : null;
  const pct = job?.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const [reported, setReported] = useState<number | null>(null);
  if (result && reported !== jobId) {
    setReported(jobId);
    reload();
    onDone();
  }

  const total = data?.total ?? 0;
  const start = () =>
    confirm({
      title: q.reissueConfirmTitle(formatNumber(total)),
      body: q.reissueConfirmBody(formatNumber(total), areaName ?? q.wholeArea),
      confirmLabel: q.reissueConfirm,
      onConfirm: async () => {
        setStartError(null);
        try {
          const r = await api<ReissueJobStarted>('/api/v1/cards/reissue-flagged', {
            method: 'POST',
            body: { areaCode: area ?? undefined, expected: total },
          });
          setJobId(r.jobId);
        } catch (err) {
          setStartError(err);
          reload();
        }
      },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reissue-flagged-title" data-testid="reissue-flagged">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} maw={760}>
          <Title order={2} size="h4" id="reissue-flagged-title">
            {q.reissueTitle}
          </Title>
          <Text size="sm">{q.reissueIntro}</Text>
          {data && data.byReason.length > 0 && (
            <List size="sm" data-testid="reissue-reasons">
              {data.byReason.map((r) => (
                <List.Item key={r.reason}>
                  {r.label}: {formatNumber(r.cards)} kartu
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {manage && (
          <Button
            leftSection={<IconRefresh size={16} aria-hidden />}
            disabled={total === 0 || running}
            loading={running}
            onClick={start}
            data-testid="reissue-flagged-all"
          >
            {q.reissueAll(formatNumber(total))}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error ?? startError ?? pollError} onRetry={reload} />
      {running && (
        <Stack gap={4} aria-live="polite" mt="sm">
          <Progress value={pct ?? 100} animated size="lg" aria-label={q.reissueRunning} />
          <Text size="sm">{job?.phase || q.reissueRunning}</Text>
        </Stack>
      )}
      {job?.status === 'failed' && (
        <Alert color="red" variant="light" title={q.reissueFailed} mt="sm">
          {job.error}
        </Alert>
      )}
      {result && (
        <Alert color="dinkes" variant="light" mt="sm" data-testid="reissue-flagged-result">
          {q.reissueDone(result)}
        </Alert>
      )}
      {dialog}
    </Paper>
  );
}
