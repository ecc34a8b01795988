import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { todayJakarta } from '../../shared/format';
import { t } from '../../shared/i18n';
import { DateField } from '../../shared/ui/DateField';
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setTo('');
    setOn(todayJakarta());
    setError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (to.trim().length < 3 || !on) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(to.trim(), on);
      setTo('');
      setOn(todayJakarta());
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={card !== null} onClose={close} title={card ? s.queue.handoverTitle(card.number) : ''} centered>
      <form onSubmit={submit} noValidate data-testid="handover-dialog">
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={busy} disabled={to.trim().length < 3 || !on} data-testid="handover-save">
              {s.queue.handoverSave}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
