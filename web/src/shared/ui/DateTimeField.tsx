import { Group, Input } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useId } from 'react';
import { DateField } from './DateField';

type Props = {
  label: string;
  /** YYYY-MM-DDTHH:mm (local time in Jakarta), or '' when not set. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  description?: string;
  error?: string;
  'data-testid'?: string;
};

/**
 * A date and a time of day, shown as 22/11/2026 and 14:30 (24-hour), with the
 * value a datetime-local string (YYYY-MM-DDTHH:mm) so it replaces
 * <input type="datetime-local">, whose display follows the browser's language.
 */
export function DateTimeField({ label, value, onChange, required, description, error, ...rest }: Props) {
  const id = useId();
  const [date, time] = value ? value.split('T') : ['', ''];
  const set = (d: string | null, t: string) => onChange(d ? `${d}T${t || '00:00'}` : '');
  return (
    <Input.Wrapper label={label} required={required} description={description} error={error} id={id} data-testid={rest['data-testid']}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <DateField
          value={date || null}
          onChange={(d) => set(d, time?.slice(0, 5) ?? '')}
          aria-label={`${label} — tanggal`}
          required={required}
          style={{ flex: '1 1 60%' }}
          data-testid={rest['data-testid'] ? `${rest['data-testid']}-date` : undefined}
        />
        <TimePicker
          value={time?.slice(0, 5) ?? ''}
          onChange={(t) => set(date || null, t)}
          format="24h"
          hoursInputLabel={`${label} — jam`}
          minutesInputLabel={`${label} — menit`}
          disabled={!date}
          style={{ flex: '1 1 40%' }}
          data-testid={rest['data-testid'] ? `${rest['data-testid']}-time` : undefined}
        />
      </Group>
    </Input.Wrapper>
  );
}
