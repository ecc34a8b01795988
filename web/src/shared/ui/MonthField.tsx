import { MonthPickerInput } from '@mantine/dates';
import { IconCalendarMonth } from '@tabler/icons-react';

type Props = {
  label: string;
  /** YYYY-MM */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxMonth?: string;
  w?: number;
  'data-testid'?: string;
};

/** A calendar month picked from a grid of Indonesian month names ("Oktober 2026"); the value is YYYY-MM. */
export function MonthField({ label, value, onChange, required, maxMonth, w = 220, ...rest }: Props) {
  return (
    <MonthPickerInput
      label={label}
      value={value ? `${value}-01` : null}
      onChange={(v) => v && onChange(String(v).slice(0, 7))}
      valueFormat="MMMM YYYY"
      maxDate={maxMonth ? `${maxMonth}-01` : undefined}
      leftSection={<IconCalendarMonth size={16} aria-hidden />}
      required={required}
      w={w}
      ariaLabels={{
        nextYear: 'Tahun berikutnya',
        previousYear: 'Tahun sebelumnya',
        nextDecade: 'Dekade berikutnya',
        previousDecade: 'Dekade sebelumnya',
        yearLevelControl: 'Pilih tahun',
      }}
      popoverProps={{ withinPortal: true }}
      data-testid={rest['data-testid']}
    />
  );
}
