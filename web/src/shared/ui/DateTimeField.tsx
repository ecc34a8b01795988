import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendarTime } from '@tabler/icons-react';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { DATE_ARIA } from './DateField';

dayjs.extend(customParseFormat);

const ACCEPTED = [
  'DD/MM/YYYY HH:mm',
  'D/M/YYYY H:mm',
  'D/M/YYYY H.mm',
  'D-M-YYYY H:mm',
  'YYYY-MM-DDTHH:mm',
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DD HH:mm:ss',
];

/** "22/11/2026 14:30" (and the ISO forms a script or a paste brings) → "2026-11-22 14:30:00", the picker's value. */
export function parseDateTime(input: string): string | null {
  const v = input.trim();
  for (const f of ACCEPTED) {
    const d = dayjs(v, f, 'id', true);
    if (d.isValid()) return d.format('YYYY-MM-DD HH:mm:ss');
  }
  return null;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** YYYY-MM-DDTHH:mm (Jakarta time), or '' when not set — what <input type="datetime-local"> gave. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date and time of day typed as 22/11/2026 14:30 (24-hour) or picked from an
 * Indonesian calendar; replaces <input type="datetime-local">, whose display
 * follows the browser's language and clock format.
 */
export function DateTimeField({ value, onChange, ...rest }: Props) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY HH:mm"
      placeholder="HH/BB/TTTT jj:mm"
      dateParser={parseDateTime}
      leftSection={<IconCalendarTime size={16} aria-hidden />}
      value={value ? `${value.replace('T', ' ').slice(0, 16)}:00` : null}
      onChange={(v) => onChange(v ? String(v).replace(' ', 'T').slice(0, 16) : '')}
      popoverProps={{ withinPortal: true }}
      ariaLabels={DATE_ARIA}
      nextLabel={DATE_ARIA.nextMonth}
      previousLabel={DATE_ARIA.previousMonth}
      {...rest}
    />
  );
}
