import { Alert, Button, Group, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PersonListItem } from '@server/modules/population/schemas';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PersonTable } from './PersonTable';
import { s } from './strings';

/** A NIK or KK (16 digits, spaces and dots allowed) or a name prefix of at least 3 letters. */
export function normaliseQuery(raw: string): string | null {
  const v = raw.trim();
  const digits = v.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) return digits.length === 16 ? digits : null;
  const letters = v.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 ? v.replace(/\s+/g, ' ') : null;
}

export default function PersonSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [input, setInput] = useState(q);
  const [invalid, setInvalid] = useState(false);
  // Back/forward through earlier searches puts their query back in the box.
  useEffect(() => setInput(q), [q]);
  const { data, error, loading, reload } = useApi<{ items: PersonListItem[]; truncated: boolean }>(
    q ? '/api/v1/persons' : null,
    { q },
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const norm = normaliseQuery(input);
    setInvalid(!norm);
    if (norm) setParams({ q: norm });
  };

  return (
    <Stack gap="md">
      <PageHeader title={s.search.title} description={s.search.description} />
      <Paper withBorder p="lg">
        <form onSubmit={submit} role="search" aria-label={s.search.title} noValidate>
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              label={s.search.label}
              placeholder={s.search.placeholder}
              value={input}
              onChange={(e) => {
                setInput(e.currentTarget.value);
                setInvalid(false);
              }}
              error={invalid ? s.search.tooShort : undefined}
              leftSection={<IconSearch size={16} aria-hidden />}
              size="md"
              style={{ flex: 1 }}
              autoFocus
              type="search"
              data-testid="person-search-input"
              autoComplete="off"
            />
            <Button type="submit" size="md" mt={25} loading={loading} data-testid="person-search-submit">
              {s.search.submit}
            </Button>
          </Group>
        </form>
        <div aria-live="polite" role="status">
          {q && data && !loading && data.items.length > 0 && (
            <Text size="sm" fw={600} mt="sm" data-testid="person-search-count">
              {s.search.results(data.items.length)}
            </Text>
          )}
          {q && data && !loading && data.items.length === 0 && <VisuallyHidden>{s.search.results(0)}</VisuallyHidden>}
        </div>
      </Paper>
      <ErrorAlert error={error} onRetry={reload} />
      {data?.truncated && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {s.search.truncated}
        </Alert>
      )}
      {q ? (
        <PersonTable
          caption={s.search.caption}
          rows={data?.items}
          loading={loading}
          testId="person-results"
          empty={s.search.none}
        />
      ) : (
        <Text c="dimmed" size="sm" ta="center" py="xl">
          {s.search.idle}
        </Text>
      )}
    </Stack>
  );
}
