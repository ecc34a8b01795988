import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsDiff,
  IconCircleCheck,
  IconDownload,
  IconHourglass,
  IconRefresh,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../app/paths';
import { formatDate, formatNumber } from '../format';
import type { ImportKind, ImportResult } from '@server/platform/ingest/schemas';
import { s } from './strings';

export function reportUrl(kind: ImportKind, importId: number) {
  return `/api/v1/imports/${kind}/${importId}/report`;
}

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-body)">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} className="num" ta="left" data-testid={testId}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

/** The end of an import: what was read, kept, refused and changed, and the rejected-rows report. */
export function ImportSummary({
  kind,
  result,
  fileName,
  asOf,
  onAnother,
}: {
  kind: ImportKind;
  result: ImportResult;
  fileName: string;
  asOf: string;
  onAnother: () => void;
}) {
  // Keyboard users land on the result, not back at the top of the page.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  // MEM-7: a later population or JKN file waits for review instead of being applied.
  const pending = result.review === 'PENDING' && typeof result.changeSetId === 'number';
  // A truncated or partial file (issue 10): the alarm comes before anything else the officer reads.
  const suspect = pending && result.suspect === true;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-summary-title" data-testid="import-summary">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          {pending ? (
            <IconHourglass size={28} color="var(--mantine-color-yellow-7)" aria-hidden />
          ) : (
            <IconCircleCheck size={28} color="var(--mantine-color-dinkes-7)" aria-hidden />
          )}
          <div>
            <Title order={2} id="import-summary-title" tabIndex={-1} ref={titleRef}>
              {s.summaryTitle}
            </Title>
            <Text size="sm" c="dimmed">
              {s.summaryIntro(fileName, formatDate(asOf))} · {s.rowsRead}: {formatNumber(result.rowsRead)}
            </Text>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Stat label={s.accepted} value={result.accepted} color="dinkes.8" testId="summary-accepted" />
          <Stat
            label={s.rejected}
            value={result.rejected}
            color={result.rejected ? 'red.8' : undefined}
            testId="summary-rejected"
          />
          <Stat
            label={s.warnings}
            value={result.warnings}
            color={result.warnings ? 'orange.8' : undefined}
            testId="summary-warnings"
          />
          <Stat label={pending ? s.proposedInserted : s.inserted} value={result.inserted} testId="summary-inserted" />
          <Stat label={pending ? s.proposedUpdated : s.updated} value={result.updated} testId="summary-updated" />
          <Stat label={s.unchanged} value={result.unchanged} testId="summary-unchanged" />
        </SimpleGrid>
        {pending && (
          <Alert
            color={suspect ? 'red' : 'yellow'}
            variant="light"
            title={suspect ? s.suspectTitle : s.reviewTitle}
            icon={suspect ? <IconAlertTriangle size={20} aria-hidden /> : undefined}
            data-testid={suspect ? 'import-suspect' : 'import-review'}
          >
            <Stack gap="sm" align="flex-start">
              {suspect && <Text size="sm">{s.suspectBody}</Text>}
              <Text size="sm">{s.reviewBody(formatNumber(Number(result.changeItems ?? 0)))}</Text>
              <Button
                component={Link}
                to={paths.changeSet(result.changeSetId as number)}
                leftSection={<IconArrowsDiff size={18} aria-hidden />}
                data-testid="review-link"
              >
                {s.reviewLink(result.changeSetId as number)}
              </Button>
            </Stack>
          </Alert>
        )}
        {result.review === 'APPROVED' && (
          <Text size="sm" c="dimmed" data-testid="import-no-changes">
            {s.noChanges}
          </Text>
        )}
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <Button
              component="a"
              href={reportUrl(kind, result.importId)}
              download
              variant="light"
              color={result.rejected > 0 ? 'red' : undefined}
              leftSection={<IconDownload size={18} aria-hidden />}
              data-testid="report-link"
            >
              {s.report}
            </Button>
            {result.rejected === 0 && (
              <Text size="sm" c="dimmed">
                {s.noRejected}
              </Text>
            )}
          </Group>
          <Button variant="default" onClick={onAnother} leftSection={<IconRefresh size={16} aria-hidden />}>
            {s.another}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
