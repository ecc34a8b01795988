import { Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDate, todayJakarta } from '../../shared/format';
import { DateField } from '../../shared/ui/DateField';
import { DialogActions, type DialogProps } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { ReasonField, reasonOk } from '../../shared/ui/ReasonField';
import { s } from './strings';
import type { LetterDetail } from '@server/modules/dinsos/schemas';

const r = s.revoke;

/** Revoke with a reason and the date coverage ends (today by default, within the letter's validity). */
export function RevokeDialog({ letter, opened, onClose, onSaved }: DialogProps & { letter: LetterDetail }) {
  const today = todayJakarta();
  const initial = today < letter.validFrom ? letter.validFrom : today > letter.validTo ? null : today;
  const [reason, setReason] = useState('');
  const [date, setDate] = useState<string | null>(initial);

  const { busy, error, submit } = useSubmit(async () => {
    await api(`/api/v1/recommendations/${letter.id}/revoke`, { method: 'POST', body: { reason, revokedOn: date } });
    notifications.show({ color: 'dinkes', message: r.done(letter.number) });
    onSaved();
  });

  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} title={r.title} centered size="md">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">{r.body}</Text>
          <ReasonField
            label={r.reason}
            value={reason}
            onChange={setReason}
            data-autofocus
            data-testid="revoke-reason"
          />
          <DateField
            label={r.date}
            description={r.dateHint(formatDate(letter.validFrom), formatDate(letter.validTo))}
            value={date}
            onChange={setDate}
            minDate={letter.validFrom}
            maxDate={letter.validTo}
            required
            data-testid="revoke-date"
          />
          <ErrorAlert error={error} />
          <DialogActions onCancel={onClose} busy={busy}>
            <Button
              type="submit"
              color="red"
              loading={busy}
              disabled={!reasonOk(reason) || !date}
              data-testid="revoke-submit"
            >
              {r.submit}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
