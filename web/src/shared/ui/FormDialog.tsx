import { Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';

/**
 * A centred dialog around one form: the server's error on top, the fields,
 * then "Batal" and the form's own confirm button (`confirm`, a submit button).
 */
export function FormDialog({
  opened,
  onClose,
  title,
  size,
  onSubmit,
  error,
  confirm,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  onSubmit: (e: FormEvent) => void;
  error: unknown;
  confirm: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          {children}
          <DialogActions onCancel={onClose}>{confirm}</DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
