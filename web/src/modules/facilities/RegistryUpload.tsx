import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Section } from '../../shared/ui/Section';
import { s } from './strings';

const u = s.upload;

/**
 * FAC-1 for the facility manager: the registry from `facilities.csv`, all
 * rows or none. A refused file names each faulty row and column; nothing of
 * it is saved.
 */
export function RegistryUpload({ onLoaded }: { onLoaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState<number | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setLoaded(null);
    try {
      const r = await api<{ loaded: number }>('/api/v1/facilities/import', { method: 'POST', body: { csv: await file.text() } });
      setLoaded(r.loaded);
      setFile(null);
      onLoaded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

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
