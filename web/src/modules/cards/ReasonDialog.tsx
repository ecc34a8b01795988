import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSubmit } from '../../shared/useSubmit';
import { DialogActions } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { ReasonField, reasonOk } from '../../shared/ui/ReasonField';
import { s } from './strings';

type Reason = keyof typeof s.reason;

/**
 * The confirmation for reissuing or revoking a card: a reason from the
 * stable list and a note, both required. Nothing is sent until confirmed.
 */
export function ReasonDialog({
  opened,
  title,
  intro,
  reasons,
  confirmLabel,
  danger,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  intro: string;
  reasons: readonly Reason[];
  confirmLabel: string;
  danger?: boolean;
  onClose: () => void;
  onConfirm: (reason: string, note: string) => Promise<void>;
}) {
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const noteOk = reasonOk(note);
  const { busy, error, submit, reset } = useSubmit(async () => {
    await onConfirm(reason!, note.trim());
    setReason(null);
    setNote('');
    onClose();
  });

  const close = () => {
    if (busy) return;
    setReason(null);
    setNote('');
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered size="md">
      <form
        onSubmit={(e) => (reason && noteOk ? submit(e) : e.preventDefault())}
        noValidate
        data-testid="reason-dialog"
      >
        <Stack gap="md">
          <Text size="sm">{intro}</Text>
          <ErrorAlert error={error} />
          <Select
            label={s.family.reasonLabel}
            required
            data={reasons.map((r) => ({ value: r, label: s.reason[r] }))}
            value={reason}
            onChange={setReason}
            data-testid="reason-select"
            comboboxProps={{ withinPortal: true }}
          />
          <ReasonField
            label={s.family.noteLabel}
            description={s.family.noteHint}
            autosize
            minRows={2}
            value={note}
            onChange={setNote}
            data-testid="reason-note"
          />
          <DialogActions onCancel={close} busy={busy}>
            <Button
              type="submit"
              color={danger ? 'red' : undefined}
              loading={busy}
              disabled={!reason || !noteOk}
              data-testid="reason-confirm"
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
