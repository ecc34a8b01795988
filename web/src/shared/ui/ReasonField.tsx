import { Textarea, type TextareaProps } from '@mantine/core';

/** The shortest reason the server takes for a refusal, a revocation or a correction. */
export const REASON_MIN = 5;

/** True when `text`, trimmed, is long enough to be sent as a reason. */
export const reasonOk = (text: string) => text.trim().length >= REASON_MIN;

/**
 * The free-text reason of a decision: required, up to 500 characters, three
 * rows unless the dialog says otherwise. `onChange` gets the text.
 */
export function ReasonField({
  value,
  onChange,
  ...rest
}: Omit<TextareaProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void }) {
  return (
    <Textarea
      required
      minRows={3}
      maxLength={500}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
