import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { useSubmit } from '../../shared/useSubmit';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import type { LetterheadAnswer } from '@server/platform/documents/schemas';

const s = {
  title: 'Kop surat',
  description:
    'Nama pemerintah daerah dan alamat kantor yang dicetak pada kop setiap surat: SJP, rekomendasi Dinas Sosial, rujukan, rujukan balik dan kartu KS-NIK. Berlaku untuk surat yang dicetak sesudah disimpan.',
  kind: 'Jenis daerah',
  kota: 'Kota',
  kabupaten: 'Kabupaten',
  name: 'Nama kota/kabupaten (tanpa kata "Kota"/"Kabupaten")',
  health: 'Alamat Dinas Kesehatan (opsional)',
  social: 'Alamat Dinas Sosial (opsional)',
  save: 'Simpan kop surat',
  saved: 'Kop surat tersimpan.',
  preview: 'Contoh kop',
  notSet: 'Belum diatur: surat memakai daerah dari data kependudukan.',
  updated: (at: string) => `Terakhir diubah ${at}.`,
};

/** One preview of the letterhead as the letters print it. */
function Preview({ head }: { head: LetterheadAnswer['preview']['HEALTH'] }) {
  return (
    <Paper withBorder p="md" ta="center" data-testid="letterhead-preview">
      <Text fw={700}>{head.government}</Text>
      <Text fw={700} size="lg">
        {head.office}
      </Text>
      <Text size="xs">Program Jaminan Kesehatan Daerah (Jamkesda){head.region ? ` ${head.region}` : ''}</Text>
      {head.address && <Text size="xs">{head.address}</Text>}
      <div style={{ borderBottom: '3px double #111', marginTop: 6 }} />
    </Paper>
  );
}

/** The administrator keeps the one letterhead every printed letter uses. */
export default function LetterheadPage() {
  const { can } = useSession();
  const { data, error, reload } = useApi<LetterheadAnswer>('/api/v1/settings/letterhead');
  const [kind, setKind] = useState<'KOTA' | 'KABUPATEN'>('KOTA');
  const [name, setName] = useState('');
  const [health, setHealth] = useState('');
  const [social, setSocial] = useState('');
  useEffect(() => {
    const v = data?.setting;
    if (!v) return;
    setKind(v.regionKind);
    setName(v.regionName);
    setHealth(v.healthOfficeAddress ?? '');
    setSocial(v.socialOfficeAddress ?? '');
  }, [data]);
  const manage = can('settings.manage');
  const {
    busy,
    error: saveError,
    submit,
  } = useSubmit(async () => {
    await api('/api/v1/settings/letterhead', {
      method: 'PUT',
      body: {
        regionKind: kind,
        regionName: name,
        healthOfficeAddress: health || null,
        socialOfficeAddress: social || null,
      },
    });
    notifications.show({ color: 'dinkes', message: s.saved });
    reload();
  });

  return (
    <Stack gap="md">
      <PageHeader title={s.title} description={s.description} />
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <Text size="sm">{data.setting?.updatedAt ? s.updated(formatDateTime(data.setting.updatedAt)) : s.notSet}</Text>
      )}
      <form onSubmit={submit}>
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {s.kind}
              </Text>
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as 'KOTA' | 'KABUPATEN')}
                data={[
                  { value: 'KOTA', label: s.kota },
                  { value: 'KABUPATEN', label: s.kabupaten },
                ]}
                disabled={!manage}
                w={260}
              />
            </Stack>
            <TextInput
              label={s.name}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={80}
              disabled={!manage}
              data-testid="letterhead-name"
            />
            <Textarea
              label={s.health}
              value={health}
              onChange={(e) => setHealth(e.currentTarget.value)}
              maxLength={200}
              autosize
              minRows={1}
              disabled={!manage}
            />
            <Textarea
              label={s.social}
              value={social}
              onChange={(e) => setSocial(e.currentTarget.value)}
              maxLength={200}
              autosize
              minRows={1}
              disabled={!manage}
            />
            <ErrorAlert error={saveError} />
            {manage && (
              <Group>
                <Button type="submit" loading={busy} disabled={name.trim().length < 2} data-testid="letterhead-save">
                  {s.save}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      </form>
      {data && (
        <section aria-labelledby="letterhead-preview-title">
          <Title order={2} size="h4" id="letterhead-preview-title" mb="sm">
            {s.preview}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Preview head={data.preview.HEALTH} />
            <Preview head={data.preview.SOCIAL} />
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}
