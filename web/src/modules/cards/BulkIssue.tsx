import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../app/paths';
import { api } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { useJob } from '../../shared/imports/useJob';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { useConfirm } from '../../shared/ui/useConfirm';
import { AreaPicker } from './AreaPicker';
import { s } from './strings';
import type { BulkIssueResult as BulkResult, JobStarted } from '@server/modules/cards/schemas';

const b = s.bulk;

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {formatNumber(value)}
      </Text>
    </Stack>
  );
}

/** Issue cards to every family of a district or village that has none, as a server job with progress. */
export function BulkIssue() {
  const [area, setArea] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { job, error: pollError } = useJob(jobId);
  const { confirm, dialog } = useConfirm();
  const running = jobId !== null && (!job || job.status === 'queued' || job.status === 'running');
  const result = job?.status === 'succeeded' ? (job.result as unknown as BulkResult) : null;
  const pct = job?.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;

  const start = () =>
    confirm({
      title: b.confirmTitle,
      body: b.confirmBody(area ?? ''),
      confirmLabel: b.confirm,
      onConfirm: async () => {
        setError(null);
        try {
          const r = await api<JobStarted>('/api/v1/cards/bulk-issue', {
            method: 'POST',
            body: { areaCode: area },
          });
          setJobId(r.jobId);
        } catch (err) {
          setError(err);
        }
      },
    });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="bulk-issue-title">
      <Title order={2} id="bulk-issue-title">
        {b.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {b.description}
      </Text>
      <Stack gap="md">
        <Group align="flex-end" wrap="wrap" gap="sm">
          <AreaPicker
            value={area}
            onChange={setArea}
            districtLabel={b.district}
            villageLabel={b.village}
            villagePlaceholder={b.wholeDistrict}
            requireDistrict
            testId="bulk-area"
          />
          <Button onClick={start} disabled={!area || running} loading={running} data-testid="bulk-issue">
            {b.submit}
          </Button>
        </Group>
        <ErrorAlert error={error ?? pollError} />
        {running && (
          <Stack gap={4} aria-live="polite">
            <Progress value={pct ?? 100} animated size="lg" aria-label={b.running} />
            <Text size="sm">{job?.phase || b.running}</Text>
          </Stack>
        )}
        {job?.status === 'failed' && (
          <Alert color="red" variant="light" title={b.failed}>
            {job.error}
          </Alert>
        )}
        {result && (
          <Alert color="dinkes" variant="light" title={b.done(formatNumber(result.issued))} data-testid="bulk-result">
            <SimpleGrid cols={{ base: 2, sm: 5 }} mt="xs">
              <Figure label={b.families} value={result.families} testId="bulk-families" />
              <Figure label={b.issued} value={result.issued} testId="bulk-issued" />
              <Figure label={b.noEktp} value={result.noMemberWithEktp} testId="bulk-no-ektp" />
              <Figure label={b.noCovered} value={result.noMemberCovered ?? 0} testId="bulk-no-covered" />
              <Figure label={b.alreadyActive} value={result.alreadyActive} testId="bulk-already" />
            </SimpleGrid>
            <Anchor
              component={Link}
              to={`${paths.cardPrint}?area=${result.area}`}
              size="sm"
              mt="sm"
              display="inline-block"
            >
              {b.toQueue}
            </Anchor>
          </Alert>
        )}
      </Stack>
      {dialog}
    </Paper>
  );
}
