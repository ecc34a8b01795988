import { Alert, Button, Stack, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { messageOf } from '../api';
import type { ImportKind, ImportRecord } from '@server/platform/ingest/schemas';
import { useApi } from '../useApi';
import { ImportForm } from './ImportForm';
import { ImportHistory } from './ImportHistory';
import { ImportSummary } from './ImportSummary';
import { JobProgress } from './JobProgress';
import { s } from './strings';
import { useJob } from './useJob';

interface Started {
  jobId: number;
  importId: number;
  fileName: string;
  asOf: string;
}

/** Upload → live progress → summary, above the history of earlier imports of the same kind. */
export function ImportWorkbench({ kind }: { kind: ImportKind }) {
  const history = useApi<{ items: ImportRecord[] }>('/api/v1/imports', { kind });
  const [started, setStarted] = useState<Started | null>(null);
  const { job, error: pollError } = useJob(started?.jobId ?? null);
  const finished = job?.status === 'succeeded' || job?.status === 'failed';
  const reloadHistory = history.reload;

  useEffect(() => {
    if (finished) reloadHistory();
  }, [finished, reloadHistory]);

  return (
    <Stack gap="lg">
      {!started && (
        <ImportForm
          kind={kind}
          onStarted={(r) => {
            setStarted(r);
            reloadHistory();
          }}
        />
      )}
      {started && !(job?.status === 'succeeded' && job.result) && (
        <JobProgress job={job} fileName={started.fileName} asOf={started.asOf} />
      )}
      {started && pollError && !finished ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {messageOf(pollError)}
        </Alert>
      ) : null}
      {started && job?.status === 'failed' && (
        <Alert
          color="red"
          title={s.failedTitle}
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
          data-testid="import-failed"
        >
          {job.error ?? ''}
          <div>
            <Button variant="light" color="red" mt="sm" onClick={() => setStarted(null)}>
              {s.another}
            </Button>
          </div>
        </Alert>
      )}
      {started && job?.status === 'succeeded' && job.result && (
        <ImportSummary
          kind={kind}
          result={{ ...job.result, importId: job.result.importId ?? started.importId }}
          fileName={started.fileName}
          asOf={started.asOf}
          onAnother={() => setStarted(null)}
        />
      )}
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
        {job?.status === 'succeeded' && job.result
          ? s.announceDone(job.result.accepted, job.result.rejected, job.result.warnings)
          : ''}
        {job?.status === 'failed' ? `${s.failedTitle}. ${job.error ?? ''}` : ''}
      </VisuallyHidden>
      <ImportHistory
        kind={kind}
        items={history.data?.items}
        loading={history.loading}
        error={history.error}
        onRetry={reloadHistory}
      />
    </Stack>
  );
}
