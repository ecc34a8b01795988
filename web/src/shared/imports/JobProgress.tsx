import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatNumber } from '../format';
import type { ImportResult } from '@server/platform/ingest/schemas';
import type { Job as JobOf } from '@server/platform/jobs/schemas';

type Job = JobOf<ImportResult>;
import { s } from './strings';

/**
 * A live progress bar for a job: done/total when the total is known,
 * an animated indeterminate bar when not. The bar itself is the ARIA
 * progressbar; the phase text is a polite live region.
 */
export function JobProgress({ job, fileName, asOf }: { job: Job | null; fileName: string; asOf: string }) {
  const total = job?.total ?? null;
  const done = job?.done ?? 0;
  const pct = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  const phase = !job || job.status === 'queued' ? s.queued : job.phase;
  const rows = s.rows(formatNumber(done), total !== null ? formatNumber(total) : null);
  const aria = pct === null ? {} : { 'aria-valuemin': 0, 'aria-valuemax': total ?? 0, 'aria-valuenow': done };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="job-progress-title">
      <Title order={2} id="job-progress-title">
        {s.progressTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" style={{ overflowWrap: 'anywhere' }}>
        {s.progressFile(fileName, formatDate(asOf))}
      </Text>
      <Stack gap="xs">
        <Progress.Root
          size="xl"
          role="progressbar"
          aria-labelledby="job-progress-title"
          aria-valuetext={`${phase} — ${rows}`}
          data-testid="import-progress"
          data-status={job?.status ?? 'queued'}
          {...aria}
        >
          <Progress.Section value={pct ?? 100} animated={pct === null || job?.status === 'running'} withAria={false}>
            {pct !== null && pct >= 8 && <Progress.Label>{pct}%</Progress.Label>}
          </Progress.Section>
        </Progress.Root>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600} data-testid="import-phase" aria-live="polite">
            {phase}
          </Text>
          <Text size="sm" c="dimmed" className="num">
            {rows}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
