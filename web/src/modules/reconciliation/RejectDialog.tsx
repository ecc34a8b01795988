import { Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { DialogActions, type DialogProps } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { ReasonField, reasonOk } from '../../shared/ui/ReasonField';
import { s } from './strings';

/** Rejects a whole change set with a reason; nothing in the register changes. */
export function RejectDialog({ id, opened, onClose, onSaved }: DialogProps & { id: number }) {
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api(`/api/v1/reconciliation/change-sets/${id}/reject`, { method: 'POST', body: { reason } });
    setReason('');
    onSaved();
  });
  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title={s.page.rejectTitle} centered size="md">
      <Stack gap="sm">
        <Text size="sm">{s.page.rejectBody}</Text>
        <ErrorAlert error={error} />
        <ReasonField
          label={s.page.rejectReason}
          description={s.page.rejectHint}
          value={reason}
          onChange={setReason}
          data-autofocus
          data-testid="reject-reason"
        />
        <DialogActions onCancel={onClose} busy={busy}>
          <Button
            color="red"
            onClick={() => void submit()}
            loading={busy}
            disabled={!reasonOk(reason)}
            data-testid="reject-confirm"
          >
            {s.page.rejectConfirm}
          </Button>
        </DialogActions>
      </Stack>
    </Modal>
  );
}
