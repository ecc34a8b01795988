import { Button, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { digitsOnly } from '../../shared/format';
import { DialogActions } from '../../shared/ui/DialogActions';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { s } from './strings';
import type { Referral } from '@server/modules/referrals/schemas';

const e = s.emergency;

/** REF-3: a hospital records a patient who came to the emergency room without a referral. */
export function EmergencyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const requestKey = useMemo(
    () => `em-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    [opened],
  );
  const [nik, setNik] = useState('');
  const [code, setCode] = useState('');
  const [notes, setNotes] = useState('');

  const { busy, error, submit } = useSubmit(async () => {
    const r = await api<Referral>('/api/v1/referrals/emergency-admissions', {
      method: 'POST',
      body: { nik: digitsOnly(nik), diagnosisCode: code, clinicalNotes: notes, requestKey },
    });
    onClose();
    navigate(paths.referral(r.id));
  });

  return (
    <Modal opened={opened} onClose={onClose} title={e.title} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={e.nik}
            value={nik}
            onChange={(x) => setNik(x.currentTarget.value)}
            inputMode="numeric"
            maxLength={20}
            required
          />
          <TextInput
            label={e.diagnosis}
            description={e.diagnosisHelp}
            value={code}
            onChange={(x) => setCode(x.currentTarget.value)}
            maxLength={10}
            required
          />
          <Textarea
            label={e.notes}
            value={notes}
            onChange={(x) => setNotes(x.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <ErrorAlert error={error} />
          <DialogActions onCancel={onClose}>
            <Button type="submit" loading={busy}>
              {e.submit}
            </Button>
          </DialogActions>
        </Stack>
      </form>
    </Modal>
  );
}
