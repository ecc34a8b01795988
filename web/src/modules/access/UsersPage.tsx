import { Badge, Box, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDateTime, formatDateTimeShort } from '../../shared/format';
import { roleName, t } from '../../shared/i18n';
import type { UserRow } from '../../shared/types';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { SecretReveal } from '../../shared/ui/SecretReveal';
import { useConfirm } from '../../shared/ui/useConfirm';
import { s } from './strings';

const ROLE_CODES = Object.keys(t.roles);
const FACILITY_ROLES = ['puskesmas', 'rumahsakit'];

function UserStatus({ u }: { u: UserRow }) {
  if (u.disabled_at) return <Badge color="gray">{s.users.statusDisabled}</Badge>;
  if (u.locked_until && new Date(u.locked_until).getTime() > Date.now())
    return <Badge color="red">{s.users.statusLocked}</Badge>;
  if (u.must_change_password) return <Badge color="yellow">{s.users.statusMustChange}</Badge>;
  return <Badge color="dinkes" variant="light">{s.users.statusActive}</Badge>;
}

function CreateUserForm({ onCreated }: { onCreated: (r: { username: string; oneTimePassword: string }) => void }) {
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [facility, setFacility] = useState('');
  const needsFacility = !!role && FACILITY_ROLES.includes(role);

  const { busy, error, submit } = useSubmit(async () => {
    if (!username.trim() || !role) return;
    const r = await api<{ username: string; oneTimePassword: string }>('/api/v1/users', {
      method: 'POST',
      body: {
        username: username.trim(),
        role,
        fullName: fullName.trim() || undefined,
        facilityCode: needsFacility ? facility.trim().toUpperCase() : undefined,
      },
    });
    onCreated(r);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="create-user-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          label={s.users.username}
          description={s.users.usernameHint}
          required
          autoFocus
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          name="username"
        />
        <TextInput label={s.users.fullName} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} name="fullName" />
        <Select
          label={s.users.role}
          required
          data={ROLE_CODES.map((r) => ({ value: r, label: `${roleName(r)} (${r})` }))}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          searchable
          name="role"
          data-testid="role-select"
          comboboxProps={{ withinPortal: true }}
        />
        {needsFacility && (
          <TextInput
            label={s.users.facility}
            description={s.users.facilityHint}
            required
            value={facility}
            onChange={(e) => setFacility(e.currentTarget.value)}
            name="facilityCode"
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!username.trim() || !role || (needsFacility && !facility.trim())}>
            {s.users.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function UsersPage() {
  const { data, error, loading, reload } = useApi<{ users: UserRow[] }>('/api/v1/users');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; oneTimePassword: string; reset?: boolean } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();

  const resetPassword = (u: UserRow) =>
    confirm({
      title: s.users.reset,
      body: s.users.resetConfirm(u.username),
      confirmLabel: s.users.reset,
      onConfirm: async () => {
        setActionError(null);
        try {
          const r = await api<{ username: string; oneTimePassword: string }>(`/api/v1/users/${u.id}/reset-password`, { method: 'POST' });
          setSecret({ ...r, reset: true });
          notifications.show({ color: 'dinkes', message: s.users.resetDone(u.username) });
          reload();
        } catch (err) {
          setActionError(err);
        }
      },
    });

  const columns: Column<UserRow>[] = [
    {
      key: 'user',
      header: s.users.colUser,
      cell: (u) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {u.username}
          </Text>
          {u.full_name && (
            <Text size="xs" c="dimmed">
              {u.full_name}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'role', header: s.users.colRole, cell: (u) => roleName(u.role) },
    { key: 'facility', header: s.users.colFacility, cell: (u) => u.facility_code ?? t.common.none },
    {
      key: 'status',
      header: s.users.colStatus,
      cell: (u) => (
        <Stack gap={2} align="flex-start">
          <UserStatus u={u} />
          {u.failed_logins > 0 && (
            <Text size="xs" c="dimmed">
              {s.users.failed(u.failed_logins)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'created',
      header: s.users.colCreated,
      cell: (u) => (
        <span className="nowrap" title={formatDateTime(u.created_at)}>
          {formatDateTimeShort(u.created_at)}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t.common.actions,
      cell: (u) => (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconKey size={14} aria-hidden />}
          onClick={() => resetPassword(u)}
          aria-label={`${s.users.reset}: ${u.username}`}
          className="nowrap"
        >
          {s.users.resetShort}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <PageHeader
        title={s.users.title}
        description={s.users.description}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="open-create-user">
            {s.users.create}
          </Button>
        }
      />
        <div aria-live="polite">
          {secret && (
            <Box mt="md">
              <SecretReveal
                title={s.users.otpTitle(secret.username)}
                secret={secret.oneTimePassword}
                note={s.users.otpNote}
                testId="one-time-password"
              />
            </Box>
          )}
        </div>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <ErrorAlert error={actionError} />
      <DataTable
        caption={s.users.caption}
        columns={columns}
        rows={data?.users}
        rowKey={(u) => u.id}
        loading={loading}
        testId="users-table"
        minWidth={820}
      />
      {data && (
        <Text size="xs" c="dimmed">
          {s.users.count(data.users.length)}
        </Text>
      )}
      {dialog}
      <Modal opened={creating} onClose={() => setCreating(false)} title={s.users.createTitle} size="md" centered>
        <CreateUserForm
          onCreated={(r) => {
            setCreating(false);
            setSecret(r);
            notifications.show({ color: 'dinkes', message: s.users.created(r.username) });
            reload();
          }}
        />
      </Modal>
    </Stack>
  );
}
