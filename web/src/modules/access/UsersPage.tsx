import { ActionIcon, Badge, Box, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconKey, IconSearch, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDateTime, formatDateTimeShort } from '../../shared/format';
import { roleName, t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { SecretReveal } from '../../shared/ui/SecretReveal';
import { useConfirm } from '../../shared/ui/useConfirm';
import { atFacility, DeactivateForm, EditUserForm, RoleFields, type AdminUser } from './UserDialogs';
import { s } from './strings';
import { u as us } from './users-strings';

function UserStatus({ u }: { u: AdminUser }) {
  if (u.disabled_at) return <Badge color="gray">{s.users.statusDisabled}</Badge>;
  if (u.locked_until && new Date(u.locked_until).getTime() > Date.now())
    return <Badge color="red">{s.users.statusLocked}</Badge>;
  if (u.must_change_password) return <Badge color="yellow">{s.users.statusMustChange}</Badge>;
  return (
    <Badge color="dinkes" variant="light">
      {s.users.statusActive}
    </Badge>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (r: { username: string; oneTimePassword: string }) => void }) {
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [facility, setFacility] = useState<string | null>(null);
  const needsFacility = atFacility(role);

  const { busy, error, submit } = useSubmit(async () => {
    if (!username.trim() || !role) return;
    const r = await api<{ username: string; oneTimePassword: string }>('/api/v1/users', {
      method: 'POST',
      body: {
        username: username.trim(),
        role,
        fullName: fullName.trim() || undefined,
        facilityCode: needsFacility ? facility : undefined,
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
        <TextInput
          label={s.users.fullName}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          name="fullName"
        />
        <RoleFields
          role={role}
          facility={facility}
          onRole={setRole}
          onFacility={setFacility}
          testId="role-select"
          name="role"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!username.trim() || !role || (needsFacility && !facility)}>
            {s.users.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function UsersPage() {
  const { me } = useSession();
  // A link from the audit log opens the page searched for one account.
  const [params] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const { data, error, loading, reload } = useApi<{ users: AdminUser[] }>('/api/v1/users/search', {
    q: q || undefined,
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [deactivating, setDeactivating] = useState<AdminUser | null>(null);
  const [secret, setSecret] = useState<{ username: string; oneTimePassword: string; reset?: boolean } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { confirm, dialog } = useConfirm();

  const attempt = async (work: () => Promise<void>) => {
    setActionError(null);
    try {
      await work();
    } catch (err) {
      setActionError(err);
    }
  };

  const resetPassword = (u: AdminUser) =>
    confirm({
      title: s.users.reset,
      body: s.users.resetConfirm(u.username),
      confirmLabel: s.users.reset,
      onConfirm: () =>
        attempt(async () => {
          const r = await api<{ username: string; oneTimePassword: string }>(`/api/v1/users/${u.id}/reset-password`, {
            method: 'POST',
          });
          setSecret({ ...r, reset: true });
          notifications.show({ color: 'dinkes', message: s.users.resetDone(u.username) });
          reload();
        }),
    });

  const reactivate = (u: AdminUser) =>
    confirm({
      title: us.reactivateTitle(u.username),
      body: us.reactivateBody,
      confirmLabel: us.reactivate,
      onConfirm: () =>
        attempt(async () => {
          await api(`/api/v1/users/${u.id}/reactivate`, { method: 'POST' });
          notifications.show({ color: 'dinkes', message: us.reactivateDone(u.username) });
          reload();
        }),
    });

  const columns: Column<AdminUser>[] = [
    {
      key: 'user',
      header: s.users.colUser,
      cell: (u) => (
        <Stack gap={0}>
          <Text size="sm" fw={600} className="nowrap">
            {u.username}
          </Text>
          {u.full_name && (
            <Text size="xs" c="gray.7">
              {u.full_name}
            </Text>
          )}
          {(u.nip || u.position) && (
            <Text size="xs" c="gray.7">
              {[u.position, u.nip ? `NIP ${u.nip}` : null].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'role', header: s.users.colRole, cell: (u) => roleName(u.role) },
    {
      key: 'facility',
      header: s.users.colFacility,
      cell: (u) =>
        u.facility_code ? (
          <Stack gap={0}>
            <Text size="sm">{u.facility_name ?? u.facility_code}</Text>
            <Text size="xs" c="gray.7" className="mono nowrap">
              {u.facility_code}
            </Text>
          </Stack>
        ) : (
          t.common.none
        ),
    },
    {
      key: 'status',
      header: s.users.colStatus,
      cell: (u) => (
        <Stack gap={2} align="flex-start">
          <UserStatus u={u} />
          {u.failed_logins > 0 && (
            <Text size="xs" c="gray.7">
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
      cell: (u) => {
        const self = me?.id === u.id;
        return (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconEdit size={14} aria-hidden />}
              onClick={() => setEditing(u)}
              aria-label={`${us.edit}: ${u.username}`}
              data-testid={`edit-${u.username}`}
            >
              {us.edit}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={us.more(u.username)}
                  data-testid={`more-${u.username}`}
                >
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconKey size={14} aria-hidden />}
                  onClick={() => resetPassword(u)}
                  disabled={!!u.disabled_at}
                >
                  {s.users.reset}
                </Menu.Item>
                {u.disabled_at ? (
                  <Menu.Item
                    leftSection={<IconUserCheck size={14} aria-hidden />}
                    onClick={() => reactivate(u)}
                    data-testid={`reactivate-${u.username}`}
                  >
                    {us.reactivate}
                  </Menu.Item>
                ) : (
                  <Menu.Item
                    color="red"
                    leftSection={<IconUserOff size={14} aria-hidden />}
                    onClick={() => setDeactivating(u)}
                    disabled={self}
                    data-testid={`deactivate-${u.username}`}
                  >
                    {us.deactivate}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </Group>
        );
      },
    },
  ];

  return (
    <Stack gap="md">
      <div>
        <PageHeader
          title={s.users.title}
          description={s.users.description}
          actions={
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="open-create-user"
            >
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
      <TextInput
        label={us.search}
        placeholder={us.searchHint}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={480}
        data-testid="user-search"
      />
      <ErrorAlert error={error} onRetry={reload} />
      <div aria-live="polite">
        <ErrorAlert error={actionError} />
      </div>
      <DataTable
        caption={s.users.caption}
        columns={columns}
        rows={data?.users}
        rowKey={(u) => u.id}
        loading={loading}
        testId="users-table"
        minWidth={900}
      />
      {data && (
        <Text size="xs" c="gray.7">
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
      <Modal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing ? us.editTitle(editing.username) : ''}
        size="md"
        centered
      >
        {editing && (
          <EditUserForm
            user={editing}
            onDone={() => {
              notifications.show({ color: 'dinkes', message: us.editDone(editing.username) });
              setEditing(null);
              reload();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={!!deactivating}
        onClose={() => setDeactivating(null)}
        title={deactivating ? us.deactivateTitle(deactivating.username) : ''}
        size="md"
        centered
      >
        {deactivating && (
          <DeactivateForm
            user={deactivating}
            onCancel={() => setDeactivating(null)}
            onDone={() => {
              notifications.show({ color: 'dinkes', message: us.deactivateDone(deactivating.username) });
              setDeactivating(null);
              reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
