import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../shared/api';
import { t } from '../../shared/i18n';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { s } from './strings';

/** Rejects a whole change set with a reason; nothing in the register changes. */
export function RejectDialog({
  id,
  opened,
  onClose,
  onDone,
}: {
  id: number;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/reconciliation/change-sets/${id}/reject`, { method: 'POST', body: { reason } });
      setReason('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title={s.page.rejectTitle} centered size="md">
      <Stack gap="sm">
        <Text size="sm">{s.page.rejectBody}</Text>
        <ErrorAlert error={error} />
        <Textarea
          label={s.page.rejectReason}
          description={s.page.rejectHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          minRows={3}
          maxLength={500}
          data-autofocus
          data-testid="reject-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t.common.cancel}
          </Button>
          <Button
            color="red"
            onClick={submit}
            loading={busy}
            disabled={reason.trim().length < 5}
            data-testid="reject-confirm"
          >
            {s.page.rejectConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
