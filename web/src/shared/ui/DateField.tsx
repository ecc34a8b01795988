import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const ACCEPTED = ['YYYY-MM-DD', 'D-M-YYYY', 'D/M/YYYY', 'D MMMM YYYY', 'D MMM YYYY'];

/** Officers type dates the way forms in Indonesia write them; all of these are understood. */
function parseDate(input: string): string | null {
  const v = input.trim();
  for (const f of ACCEPTED) {
    const d = dayjs(v, f, 'id', true);
    if (d.isValid()) return d.format('YYYY-MM-DD');
  }
  return null;
}

const ARIA = {
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

/** A date as YYYY-MM-DD, shown as "22 November 2026", typed or picked. */
export function DateField({ value, onChange, ...rest }: Props) {
  return (
    <DateInput
      valueFormat="D MMMM YYYY"
      dateParser={parseDate}
      leftSection={<IconCalendar size={16} aria-hidden />}
      value={value}
      onChange={onChange}
      popoverProps={{ withinPortal: true }}
      ariaLabels={ARIA}
      nextLabel="Bulan berikutnya"
      previousLabel="Bulan sebelumnya"
      {...rest}
    />
  );
}
