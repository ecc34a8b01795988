import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { todayJakarta } from '../../shared/format';
import { useSubmit } from '../../shared/useSubmit';
import { DateField } from '../../shared/ui/DateField';
import { DialogActions } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { s } from './strings';
import type { FamilyCard } from '@server/modules/cards/schemas';

/** Records who received a printed card, and on which day (today unless changed). */
export function HandoverDialog({
  card,
  onClose,
  onSave,
}: {
  card: FamilyCard | null;
  onClose: () => void;
  onSave: (to: string, on: string) => Promise<void>;
}) {
  const [to, setTo] = useState('');
  const [on, setOn] = useState<string | null>(todayJakarta());
  const valid = to.trim().length >= 3 && !!on;
  const { busy, error, submit, reset } = useSubmit(async () => {
    await onSave(to.trim(), on!);
    setTo('');
    setOn(todayJakarta());
    onClose();
  });

  const close = () => {
    if (busy) return;
    setTo('');
    setOn(todayJakarta());
    reset();
    onClose();
  };

  return (
    <Modal opened={card !== null} onClose={close} title={card ? s.queue.handoverTitle(card.number) : ''} centered>
      <form onSubmit={(e) => (valid ? submit(e) : e.preventDefault())} noValidate data-testid="handover-dialog">
        <Stack gap="md">
          <ErrorAlert error={error} />
          <TextInput
            label={s.queue.recipient}
            description={s.queue.recipientHint}
            required
            maxLength={120}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            data-autofocus
            data-testid="handover-to"
          />
          <DateField label={s.queue.handoverDate} value={on} onChange={setOn} required maxDate={todayJakarta()} />
          <DialogActions onCancel={close} busy={busy}>
            <Button type="submit" loading={busy} disabled={!valid} data-testid="handover-save">
              {s.queue.handoverSave}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
