import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Section } from '../../shared/ui/Section';
import type { Loaded } from '@server/modules/facilities/schemas';
import { s } from './strings';

const u = s.upload;

/**
 * FAC-1 for the facility manager: the registry from `facilities.csv`, all
 * rows or none. A refused file names each faulty row and column; nothing of
 * it is saved.
 */
export function RegistryUpload({ onLoaded }: { onLoaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState<number | null>(null);

  const { busy, error, submit } = useSubmit(async () => {
    if (!file) return;
    setLoaded(null);
    const r = await api<Loaded>('/api/v1/facilities/import', {
      method: 'POST',
      body: { csv: await file.text() },
    });
    setLoaded(r.loaded);
    setFile(null);
    onLoaded();
  });

  return (
    <Section id="registry-upload" title={u.title}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {u.help}
          </Text>
          <FileInput label={u.file} accept=".csv,text/csv" value={file} onChange={setFile} clearable required />
          <ErrorAlert error={error} />
          {loaded !== null && (
            <Alert color="teal" variant="light" role="status">
              {u.done(loaded)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} disabled={!file}>
              {u.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
