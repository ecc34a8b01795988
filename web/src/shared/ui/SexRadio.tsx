import { Group, Radio } from '@mantine/core';
import { t } from '../i18n';

/** The sex of a person as the registry writes it: L or P, named as everywhere else in the app. */
export function SexRadio({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Radio.Group label={label} value={value} onChange={onChange} required>
      <Group mt={6}>
        <Radio value="L" label={t.sex.L} />
        <Radio value="P" label={t.sex.P} />
      </Group>
    </Radio.Group>
  );
}
