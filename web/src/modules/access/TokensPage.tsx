import { Badge, Box, Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKeyOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDateTime, formatDateTimeShort } from '../../shared/format';
import { roleName, t } from '../../shared/i18n';
import type { TokenRow, UserRow } from '@server/modules/access/schemas';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { SecretReveal } from '../../shared/ui/SecretReveal';
import { useConfirm } from '../../shared/ui/useConfirm';
import { s } from './strings';

function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const users = useApi<{ users: UserRow[] }>('/api/v1/users');
  const [username, setUsername] = useState<string | null>(null);
  const [label, setLabel] = useState('');

  const { busy, error, submit } = useSubmit(async () => {
    if (!username) return;
    const r = await api<{ id: number; username: string; token: string }>('/api/v1/tokens', {
      method: 'POST',
      body: { username, label: label.trim() },
    });
    setLabel('');
    onCreated(r.token);
  });

  const options = (users.data?.users ?? [])
    .filter((u) => !u.disabled_at)
    .map((u) => ({
      value: u.username,
      label: `${u.username} — ${roleName(u.role)}${u.facility_code ? ` (${u.facility_code})` : ''}`,
    }));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="token-create-title">
      <Title order={2} id="token-create-title" mb="md">
        {s.tokens.create}
      </Title>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error ?? users.error} />
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={s.tokens.username}
            required
            searchable
            data={options}
            value={username}
            onChange={setUsername}
            style={{ flex: '1 1 260px' }}
            nothingFoundMessage={t.common.noData}
          />
          <TextInput
            label={s.tokens.label}
            placeholder={s.tokens.labelHint}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={100}
            style={{ flex: '2 1 300px' }}
          />
          <Button type="submit" loading={busy} disabled={!username} leftSection={<IconPlus size={16} aria-hidden />}>
            {s.tokens.submit}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

export default function TokensPage() {
  const { data, error, loading, reload } = useApi<{ tokens: TokenRow[] }>('/api/v1/tokens');
  const [created, setCreated] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();

  const revoke = (tok: TokenRow) =>
    confirm({
      title: s.tokens.revoke,
      body: s.tokens.revokeConfirm(tok.prefix),
      confirmLabel: s.tokens.revoke,
      danger: true,
      onConfirm: async () => {
        setActionError(null);
        try {
          await api(`/api/v1/tokens/${tok.id}`, { method: 'DELETE' });
          notifications.show({ color: 'dinkes', message: s.tokens.revoked });
          reload();
        } catch (err) {
          setActionError(err);
        }
      },
    });

  const columns: Column<TokenRow>[] = [
    { key: 'prefix', header: s.tokens.colPrefix, cell: (r) => <span className="mono">{r.prefix}…</span> },
    { key: 'owner', header: s.tokens.colOwner, cell: (r) => r.username },
    { key: 'label', header: s.tokens.colLabel, cell: (r) => r.label || t.common.none },
    {
      key: 'created',
      header: s.tokens.colCreated,
      cell: (r) => <span className="nowrap">{formatDateTimeShort(r.created_at)}</span>,
    },
    {
      key: 'used',
      header: s.tokens.colLastUsed,
      cell: (r) => (
        <span className="nowrap">{r.last_used_at ? formatDateTimeShort(r.last_used_at) : s.tokens.never}</span>
      ),
    },
    {
      key: 'status',
      header: s.tokens.colStatus,
      cell: (r) =>
        r.revoked_at ? (
          <Badge color="gray" variant="light">
            {s.tokens.revokedAt(formatDateTime(r.revoked_at))}
          </Badge>
        ) : (
          <Badge color="dinkes" variant="light">
            {s.tokens.active}
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: t.common.actions,
      cell: (r) =>
        r.revoked_at ? null : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconKeyOff size={14} aria-hidden />}
            onClick={() => revoke(r)}
            aria-label={`${s.tokens.revoke} ${r.prefix}`}
          >
            {s.tokens.revoke}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={s.tokens.title} description={s.tokens.description} />
      <div>
        <CreateTokenForm
          onCreated={(token) => {
            setCreated(token);
            reload();
          }}
        />
        <div aria-live="polite">
          {created && (
            <Box mt="md">
              <SecretReveal
                title={s.tokens.createdTitle}
                secret={created}
                note={s.tokens.createdNote}
                testId="new-token"
              />
            </Box>
          )}
        </div>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <ErrorAlert error={actionError} />
      <DataTable
        caption={s.tokens.caption}
        columns={columns}
        rows={data?.tokens}
        rowKey={(r) => r.id}
        loading={loading}
        minWidth={900}
      />
      {dialog}
    </Stack>
  );
}
