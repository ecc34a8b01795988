import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatNumber } from '../../shared/format';
import { useSubmit } from '../../shared/useSubmit';
import { DialogActions } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { s } from './strings';

export interface EndingRequest {
  /** How many people (or memberships) the approval ends: the number to type. */
  ending: number;
  /** Sends the approval with the typed number. */
  run: (confirmMissing: number) => Promise<void>;
}

/**
 * Issue 10: on a suspect change set, approving endings in bulk is not one
 * click. The officer types the number of people the approval ends; the
 * server checks the same number (422 otherwise).
 */
export function ConfirmEndingDialog({
  request,
  noun,
  onClose,
}: {
  request: EndingRequest | null;
  noun: string;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const n = request ? formatNumber(request.ending) : '';
  const value = Number(typed.replace(/[.\s]/g, ''));
  const matches = !!request && typed.trim() !== '' && value === request.ending;
  const { busy, error, submit, reset } = useSubmit(async () => {
    await request!.run(value);
    setTyped('');
    onClose();
  });
  const close = () => {
    if (busy) return;
    setTyped('');
    reset();
    onClose();
  };
  return (
    <Modal opened={!!request} onClose={close} title={s.typed.title} centered size="md">
      <form onSubmit={(e) => (matches ? submit(e) : e.preventDefault())}>
        <Stack gap="sm">
          <Text size="sm">{s.typed.body(n, noun)}</Text>
          <ErrorAlert error={error} />
          <TextInput
            label={s.typed.label(noun)}
            description={s.typed.hint(String(request?.ending ?? ''))}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            error={typed.trim() !== '' && !matches ? s.typed.mismatch : undefined}
            data-autofocus
            data-testid="confirm-ending-input"
          />
          <DialogActions onCancel={close} busy={busy}>
            <Button type="submit" color="red" loading={busy} disabled={!matches} data-testid="confirm-ending">
              {s.typed.confirm(n, noun)}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
