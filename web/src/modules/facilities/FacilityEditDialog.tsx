import { Button, Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import type { DialogProps } from '../../shared/ui/DialogActions';
import { FormDialog } from '../../shared/ui/FormDialog';
import { s } from './strings';
import type { Facility } from '@server/modules/facilities/schemas';

const f = s.editForm;
const choices = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/**
 * FAC-1: the administrator corrects one facility's data. Code and kind stay
 * (they decide the level and who may work for it); the server applies the
 * same rule as a row of facilities.csv and names the field it refuses.
 */
export function FacilityEditDialog({ facility, opened, onClose, onSaved }: DialogProps & { facility: Facility }) {
  const hospital = facility.kind === 'RUMAH_SAKIT';
  const [name, setName] = useState(facility.name);
  const [klass, setKlass] = useState<string | null>(facility.class);
  const [ownership, setOwnership] = useState<string | null>(facility.ownership);
  const [location, setLocation] = useState<string | null>(facility.location);
  const [isRsud, setIsRsud] = useState(facility.isRsud);
  const [villageCode, setVillageCode] = useState(facility.villageCode ?? '');
  const [address, setAddress] = useState(facility.address ?? '');
  const [phone, setPhone] = useState(facility.phone ?? '');

  const { busy, error, submit } = useSubmit(async () => {
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    await api(`/api/v1/facilities/${encodeURIComponent(facility.code)}`, {
      method: 'PUT',
      body: {
        name,
        class: hospital ? klass : null,
        ownership,
        location,
        isRsud: hospital && isRsud,
        villageCode: orNull(villageCode),
        address: orNull(address),
        phone: orNull(phone),
      },
    });
    notifications.show({ color: 'dinkes', message: f.saved });
    onSaved();
  });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={f.title(facility.code)}
      size="lg"
      onSubmit={submit}
      error={error}
      confirm={
        <Button
          type="submit"
          loading={busy}
          disabled={!ownership || !location || (hospital && !klass)}
          data-testid="fac-edit-save"
        >
          {s.common.save}
        </Button>
      }
    >
      <TextInput
        label={s.col.name}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maxLength={200}
        data-testid="fac-edit-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {hospital && (
          <Select
            label={s.col.class}
            data={['A', 'B', 'C', 'D']}
            value={klass}
            onChange={setKlass}
            required
            allowDeselect={false}
          />
        )}
        <Select
          label={s.col.ownership}
          data={choices(s.ownership)}
          value={ownership}
          onChange={setOwnership}
          required
          allowDeselect={false}
        />
        <Select
          label={s.col.location}
          data={choices(s.location)}
          value={location}
          onChange={setLocation}
          required
          allowDeselect={false}
        />
      </SimpleGrid>
      {hospital && <Checkbox label={f.rsud} checked={isRsud} onChange={(e) => setIsRsud(e.currentTarget.checked)} />}
      <TextInput
        label={s.detail.address}
        value={address}
        onChange={(e) => setAddress(e.currentTarget.value)}
        maxLength={300}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={f.village}
          value={villageCode}
          onChange={(e) => setVillageCode(e.currentTarget.value)}
          inputMode="numeric"
          maxLength={20}
          className="mono"
        />
        <TextInput
          label={s.detail.phone}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          maxLength={30}
          data-testid="fac-edit-phone"
        />
      </SimpleGrid>
    </FormDialog>
  );
}
