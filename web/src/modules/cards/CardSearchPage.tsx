import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { BulkIssue } from './BulkIssue';
import { s } from './strings';
import type { Found } from '@server/modules/cards/schemas';

function looksSearchable(q: string): boolean {
  const digits = q.replace(/[\s.]/g, '');
  return /^\d{16}$/.test(digits) || /^KS[\s-]?\d{4}[\s-]?\d{7}$/i.test(q.trim());
}

/** Find a family by KK, a member's NIK or a card number, and open its card page; bulk issue for an area. */
export default function CardSearchPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!looksSearchable(q)) {
      setHint(s.search.tooShort);
      return;
    }
    setHint(null);
    setError(null);
    setBusy(true);
    try {
      const r = await api<Found>('/api/v1/cards/find', { query: { q: q.trim() } });
      navigate(paths.familyCard(r.noKk));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={s.search.title} description={s.search.description} />
      <Paper withBorder p="lg" component="section" aria-label={s.search.label}>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={s.search.label}
              placeholder={s.search.placeholder}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              error={hint}
              autoComplete="off"
              style={{ flex: '1 1 360px' }}
              data-testid="card-search-input"
            />
            <Button
              type="submit"
              leftSection={<IconSearch size={16} aria-hidden />}
              loading={busy}
              data-testid="card-search-submit"
            >
              {s.search.submit}
            </Button>
          </Group>
        </form>
        <Stack mt="sm" gap={0}>
          <ErrorAlert error={error} />
        </Stack>
      </Paper>
      {can('card.manage') ? (
        <BulkIssue />
      ) : (
        <Text size="xs" c="dimmed">
          {s.family.readOnly}
        </Text>
      )}
    </Stack>
  );
}
