import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/**
 * The search box above a list: a labelled text field with the magnifier,
 * taking the row's free width. `onChange` gets the text, not the event.
 */
export function SearchInput({
  value,
  onChange,
  minWidth,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  minWidth: number;
}) {
  return (
    <TextInput
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      style={{ flex: 1, minWidth }}
    />
  );
}
