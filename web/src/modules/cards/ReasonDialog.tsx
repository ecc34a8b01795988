import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const noteOk = note.trim().length >= 5;

  const close = () => {
    if (busy) return;
    setReason(null);
    setNote('');
    setError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason || !noteOk) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason, note.trim());
      setReason(null);
      setNote('');
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered size="md">
      <form onSubmit={submit} noValidate data-testid="reason-dialog">
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
          <Textarea
            label={s.family.noteLabel}
            description={s.family.noteHint}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="reason-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t.common.cancel}
            </Button>
            <Button
              type="submit"
              color={danger ? 'red' : undefined}
              loading={busy}
              disabled={!reason || !noteOk}
              data-testid="reason-confirm"
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
