import { Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDate, tomorrowJakarta } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { FormSection } from '../../shared/ui/FormSection';
import type { ProgramSetting } from '@server/modules/membership/schemas';

const BASES = ['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION', 'POOR'];
const SEGMENTS = ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP'];

const s = {
  title: 'Jadwalkan perubahan',
  help: 'Perubahan berlaku paling cepat besok: keputusan yang sudah dibuat tidak boleh berubah. Sampai tanggal itu, pengaturan yang sekarang tetap dipakai.',
  from: 'Berlaku mulai',
  bases: 'Dasar kepesertaan',
  segments: 'Segmen JKN yang dikecualikan (peserta aktif tidak dijamin Jamkesda)',
  note: 'Dasar hukum atau alasan',
  notePlaceholder: 'Misalnya: Perwal Nomor 12 Tahun 2026',
  submit: 'Jadwalkan',
  scheduled: (d: string) => `Perubahan dijadwalkan berlaku mulai ${d}.`,
};

/** The form an administrator uses to schedule a program-settings change, prefilled with the settings in force. */
export function ScheduleSetting({ current, onDone }: { current: ProgramSetting | null; onDone: () => void }) {
  const [from, setFrom] = useState<string | null>(null);
  const [bases, setBases] = useState<string[]>(current?.bases ?? ['RESIDENT']);
  const [segments, setSegments] = useState<string[]>(current?.excludedSegments ?? []);
  const [note, setNote] = useState('');

  const { busy, error, submit } = useSubmit(async () => {
    if (!from) return;
    await api('/api/v1/settings/program', {
      method: 'POST',
      body: { effectiveFrom: from, bases, excludedSegments: segments, note },
    });
    notifications.show({ color: 'dinkes', message: s.scheduled(formatDate(from)) });
    setFrom(null);
    setNote('');
    onDone();
  });

  return (
    <FormSection id="schedule-setting" title={s.title} help={s.help}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <DateField
            label={s.from}
            value={from}
            onChange={setFrom}
            minDate={tomorrowJakarta()}
            required
            data-testid="setting-from"
            maw={280}
          />
          <Checkbox.Group label={s.bases} value={bases} onChange={setBases} required>
            <Group mt={6} gap="lg">
              {BASES.map((b) => (
                <Checkbox
                  key={b}
                  value={b}
                  label={label(t.basis, b)}
                  description={b === 'POOR' ? 'Memerlukan data DTKS yang sudah dimuat' : undefined}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group label={s.segments} value={segments} onChange={setSegments}>
            <Group mt={6} gap="lg">
              {SEGMENTS.map((x) => (
                <Checkbox key={x} value={x} label={label(t.jknSegment, x)} title={x} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={s.note}
            placeholder={s.notePlaceholder}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required
            minRows={2}
            maxLength={500}
          />
          <ErrorAlert error={error} />
          <Group>
            <Button type="submit" loading={busy} disabled={!from || bases.length === 0} data-testid="setting-submit">
              {s.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormSection>
  );
}
