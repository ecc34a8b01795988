import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const ACCEPTED = [
  'DD/MM/YYYY',
  'D/M/YYYY',
  'D-M-YYYY',
  'D.M.YYYY',
  'DDMMYYYY',
  'YYYY-MM-DD',
  'D MMMM YYYY',
  'D MMM YYYY',
];

/** How every date field shows its date: the Indonesian day/month/year, whatever the browser's language. */
export const DATE_DISPLAY = 'DD/MM/YYYY';

/** Officers type dates the way forms in Indonesia write them; all of these are understood. */
export function parseDate(input: string): string | null {
  const v = input.trim();
  for (const f of ACCEPTED) {
    const d = dayjs(v, f, 'id', true);
    if (d.isValid()) return d.format('YYYY-MM-DD');
  }
  return null;
}

export const DATE_ARIA = {
  monthLevelControl: 'Pilih bulan',
  yearLevelControl: 'Pilih tahun',
  nextMonth: 'Bulan berikutnya',
  previousMonth: 'Bulan sebelumnya',
  nextYear: 'Tahun berikutnya',
  previousYear: 'Tahun sebelumnya',
  nextDecade: 'Dekade berikutnya',
  previousDecade: 'Dekade sebelumnya',
};

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * The one date field of the app: the value is YYYY-MM-DD (what the API takes),
 * shown and typed as 22/11/2026, or picked from an Indonesian calendar. Not the
 * browser's native picker, whose format follows the browser's language.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  return (
    <DateInput
      valueFormat={DATE_DISPLAY}
      placeholder="HH/BB/TTTT"
      dateParser={parseDate}
      leftSection={<IconCalendar size={16} aria-hidden />}
      value={value}
      onChange={onChange}
      popoverProps={{ withinPortal: true }}
      ariaLabels={DATE_ARIA}
      nextLabel="Bulan berikutnya"
      previousLabel="Bulan sebelumnya"
      {...rest}
    />
  );
}
