import { Button, Divider, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { AdminUser } from '@server/modules/access/schemas';
import { FACILITY_ROLES, ROLES, type Role } from '@server/platform/http/labels';
import { roleName } from '../../shared/i18n';
import { useSubmit } from '../../shared/useSubmit';
import { DialogActions } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { ReasonField, reasonOk } from '../../shared/ui/ReasonField';
import { FacilitySelect } from '../../shared/FacilitySelect';
import { s } from './strings';
import { u } from './users-strings';

export const ROLE_CODES: readonly Role[] = ROLES;
export { FACILITY_ROLES };
export const levelOf = (role: string | null) =>
  role === 'puskesmas' ? 'PPK1' : role === 'rumahsakit' ? 'PPK2' : undefined;
export const roleOptions = ROLE_CODES.map((r) => ({ value: r, label: roleName(r) }));
/** True for puskesmas and hospital staff, who are bound to one facility. */
export const atFacility = (role: string | null) => !!role && (FACILITY_ROLES as readonly string[]).includes(role);

export type { AdminUser };

/**
 * The account's role and, for facility staff, its facility of the matching
 * level. A change of level clears the facility: one of the wrong level would be refused.
 */
export function RoleFields({
  role,
  facility,
  onRole,
  onFacility,
  testId,
  name,
  initial,
}: {
  role: string | null;
  facility: string | null;
  onRole: (role: string | null) => void;
  onFacility: (code: string | null) => void;
  testId: string;
  name?: string;
  initial?: { code: string; name: string | null } | null;
}) {
  return (
    <>
      <Select
        label={s.users.role}
        required
        data={roleOptions}
        value={role}
        onChange={(r) => {
          if (levelOf(r) !== levelOf(role)) onFacility(null);
          onRole(r);
        }}
        allowDeselect={false}
        searchable
        name={name}
        data-testid={testId}
        comboboxProps={{ withinPortal: true }}
      />
      {atFacility(role) && (
        <FacilitySelect
          value={facility}
          onChange={onFacility}
          level={levelOf(role)}
          required
          label={u.facility}
          description={u.facilityHint}
          nothingFound={u.facilityNone}
          initial={initial}
        />
      )}
    </>
  );
}

/** Role, facility and signer profile of one account. */
export function EditUserForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const [role, setRole] = useState<string | null>(user.role);
  const [facility, setFacility] = useState<string | null>(user.facility_code);
  const [fullName, setFullName] = useState(user.full_name);
  const [nip, setNip] = useState(user.nip ?? '');
  const [position, setPosition] = useState(user.position ?? '');
  const needsFacility = atFacility(role);
  const nipError = nip && !/^\d{18}$/.test(nip) ? 'NIP harus 18 digit angka.' : undefined;

  const { busy, error, submit } = useSubmit(async () => {
    if (!role || nipError) return;
    await api(`/api/v1/users/${user.id}`, {
      method: 'PATCH',
      body: {
        role,
        facilityCode: needsFacility ? facility : null,
        fullName: fullName.trim(),
        nip: nip || null,
        position: position.trim() || null,
      },
    });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate data-testid="edit-user-form">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <RoleFields
          role={role}
          facility={facility}
          onRole={setRole}
          onFacility={setFacility}
          testId="edit-role"
          initial={user.facility_code ? { code: user.facility_code, name: user.facility_name } : null}
        />
        <Text size="sm" c="gray.7">
          {u.roleChangeNote}
        </Text>
        <Divider label={u.signer} labelPosition="left" />
        <TextInput
          label={s.users.fullName}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          maxLength={200}
          data-testid="edit-full-name"
        />
        <TextInput
          label={u.nip}
          description={u.nipHint}
          value={nip}
          onChange={(e) => setNip(e.currentTarget.value.replace(/\D/g, '').slice(0, 18))}
          inputMode="numeric"
          error={nipError}
          classNames={{ input: 'mono' }}
          data-testid="edit-nip"
        />
        <TextInput
          label={u.position}
          description={u.positionHint}
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value)}
          maxLength={200}
          data-testid="edit-position"
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={busy}
            disabled={!role || (needsFacility && !facility) || !!nipError}
            data-testid="edit-user-submit"
          >
            {u.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The confirmation of a deactivation, with its reason (kept in the audit log). */
export function DeactivateForm({
  user,
  onDone,
  onCancel,
}: {
  user: AdminUser;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api(`/api/v1/users/${user.id}/deactivate`, { method: 'POST', body: { reason: reason.trim() } });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate data-testid="deactivate-form">
      <Stack gap="md">
        <Text size="sm">{u.deactivateBody}</Text>
        <ErrorAlert error={error} />
        <ReasonField
          label={u.reason}
          placeholder={u.reasonPlaceholder}
          minRows={2}
          value={reason}
          onChange={setReason}
          data-testid="deactivate-reason"
          data-autofocus
        />
        <DialogActions onCancel={onCancel} busy={busy}>
          <Button type="submit" color="red" loading={busy} disabled={!reasonOk(reason)} data-testid="deactivate-submit">
            {u.deactivate}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
