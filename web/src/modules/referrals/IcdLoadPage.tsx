import { Alert, Button, FileInput, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import type { CompetencyList, Loaded } from '@server/modules/icd/schemas';
import { s } from './strings';

const c = s.icd;

/** Admin: load the ICD-10 table or the primary-care competency list (REF-6) from a `kode,judul` CSV. */
export default function IcdLoadPage() {
  const [list, setList] = useState<'icd10' | 'competency'>('icd10');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<{ list: string; rows: number } | null>(null);
  const competency = useApi<CompetencyList>('/api/v1/icd10-competency');

  const { busy, error, submit } = useSubmit(async () => {
    if (!file) return;
    setDone(null);
    setDone(
      await api<Loaded>('/api/v1/icd10/load', {
        method: 'POST',
        body: { list, csv: await file.text() },
      }),
    );
    competency.reload();
  });

  return (
    <Stack gap="md">
      <PageHeader title={c.title} description={c.description} />
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <SegmentedControl
              value={list}
              onChange={(v) => setList(v as 'icd10' | 'competency')}
              data={[
                { value: 'icd10', label: c.icd10 },
                { value: 'competency', label: c.competency },
              ]}
            />
            <Text size="sm" c="dimmed">
              {list === 'icd10' ? c.icd10Help : c.competencyHelp}
            </Text>
            <FileInput label={c.file} accept=".csv,text/csv" value={file} onChange={setFile} clearable required />
            <ErrorAlert error={error} />
            {done && (
              <Alert color="teal" variant="light">
                {c.done(done.rows)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={busy} disabled={!file}>
                {c.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="lg">
        <Text fw={600} mb="xs">
          {c.current(competency.data?.items.length ?? 0)}
        </Text>
        <Text size="sm">{competency.data?.items.map((i) => i.code).join(', ')}</Text>
      </Paper>
    </Stack>
  );
}
