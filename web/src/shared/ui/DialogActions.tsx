import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** What every edit dialog takes: whether it shows, how to close it, what to do once saved. */
export interface DialogProps {
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A dialog's footer: "Batal" (disabled while `busy`, where the dialog does not
 * want a running request abandoned) and, after it, the dialog's own confirm button.
 */
export function DialogActions({
  onCancel,
  busy,
  children,
}: {
  onCancel: () => void;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={busy}>
        {t.common.cancel}
      </Button>
      {children}
    </Group>
  );
}
