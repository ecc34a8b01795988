import { Button, Group, Input, Paper, Progress, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { upload } from '../api';
import { formatNumber, todayJakarta } from '../format';
import type { ImportKind } from '@server/platform/ingest/schemas';
import { DateField } from '../ui/DateField';
import { ErrorAlert } from '../ui/ErrorAlert';
import { s } from './strings';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function acceptable(file: File) {
  return /\.(csv|xlsx)$/i.test(file.name);
}

function sizeLabel(bytes: number) {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/**
 * Data date + file → POST /api/v1/imports/{kind} as multipart, with the
 * `asOf` field before the file so the server knows the date before streaming rows.
 */
export function ImportForm({
  kind,
  onStarted,
}: {
  kind: ImportKind;
  onStarted: (r: { jobId: number; importId: number; fileName: string; asOf: string }) => void;
}) {
  const [asOf, setAsOf] = useState<string | null>(todayJakarta());
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const pick = (f: File | null | undefined) => {
    setError(null);
    if (!f) return;
    if (!acceptable(f)) {
      setFile(null);
      setError(new Error(s.wrongType));
      return;
    }
    setFile(f);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !asOf) return;
    setError(null);
    setSent(0);
    const form = new FormData();
    form.append('asOf', asOf);
    form.append('file', file, file.name);
    try {
      const r = await upload<{ jobId: number; importId: number }>(`/api/v1/imports/${kind}`, form, setSent);
      onStarted({ ...r, fileName: file.name, asOf });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (err) {
      setError(err);
    } finally {
      setSent(null);
    }
  };

  const busy = sent !== null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-form-title">
      <Title order={2} id="import-form-title" mb="md">
        {s.formTitle}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <DateField
            label={s.asOf}
            description={s.asOfHint}
            required
            value={asOf}
            onChange={setAsOf}
            maxDate={todayJakarta()}
            maw={420}
            data-testid="import-asof"
            disabled={busy}
          />
          <div>
            <Input.Label htmlFor={inputId} required mb={4}>
              {s.file}
            </Input.Label>
            <label
              htmlFor={inputId}
              className="drop-zone"
              data-active={dragging}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              style={{ display: 'block', cursor: busy ? 'default' : 'pointer' }}
            >
              <Group p="lg" gap="md" wrap="nowrap">
                <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
                  {file ? <IconFileSpreadsheet size={28} /> : <IconUpload size={28} />}
                </ThemeIcon>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  {file ? (
                    <>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
                        {file.name}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {sizeLabel(file.size)} · {s.change}
                      </Text>
                    </>
                  ) : (
                    <>
                      <Text fw={600}>{s.dropTitle}</Text>
                      <Text size="sm" c="dimmed">
                        {s.dropHint}
                      </Text>
                    </>
                  )}
                </Stack>
              </Group>
              <VisuallyHidden>
                <input
                  ref={inputRef}
                  id={inputId}
                  type="file"
                  accept={ACCEPT}
                  required
                  disabled={busy}
                  onChange={(e) => pick(e.currentTarget.files?.[0])}
                  data-testid="import-file"
                />
              </VisuallyHidden>
            </label>
          </div>
          {busy && (
            <Stack gap={4} role="status" aria-live="polite">
              <Progress
                value={Math.round((sent ?? 0) * 100)}
                size="sm"
                aria-label={s.uploadProgress(Math.round((sent ?? 0) * 100))}
              />
              <Text size="xs" c="dimmed">
                {s.uploadProgress(Math.round((sent ?? 0) * 100))}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              size="md"
              loading={busy}
              disabled={!file || !asOf}
              data-testid="import-submit"
              leftSection={<IconUpload size={18} aria-hidden />}
            >
              {s.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
