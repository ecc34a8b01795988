import { Alert, Button, Checkbox, Group, Paper, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { digitsOnly } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';
import { IcdSelect, type IcdItem } from '../../shared/care/IcdSelect';
import { NikLookup } from '../../shared/care/NikLookup';
import type { Destinations, Referral } from '@server/modules/referrals/schemas';

const f = s.form;

/** REF-1/REF-2: patient by NIK (eligibility shown), ICD-10 diagnosis, kind, destination ranked nearest first. */
export default function ReferralNewPage() {
  const navigate = useNavigate();
  // One key per form: a second click on "send" is recognised as the same referral.
  const requestKey = useMemo(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, []);
  const [nik, setNik] = useState('');
  const [diagnosis, setDiagnosis] = useState<string | null>(null);
  const [chosen, setChosen] = useState<IcdItem | null>(null);
  const [kind, setKind] = useState<'MEDICAL' | 'NON_MEDICAL'>('MEDICAL');
  const [emergency, setEmergency] = useState(false);
  const [notes, setNotes] = useState('');
  const [dest, setDest] = useState<string>('');
  const destinations = useApi<Destinations>('/api/v1/referrals/destinations', {
    emergency: emergency ? 'true' : undefined,
  });

  useEffect(() => {
    const first = destinations.data?.items.find((d) => d.available);
    if (first && !destinations.data?.items.some((d) => d.code === dest && d.available)) setDest(first.code);
  }, [destinations.data, dest]);

  const { busy, error, submit } = useSubmit(async () => {
    const r = await api<Referral>('/api/v1/referrals', {
      method: 'POST',
      body: {
        nik: digitsOnly(nik),
        diagnosisCode: diagnosis ?? '',
        kind,
        toFacilityCode: dest,
        emergency,
        clinicalNotes: notes,
        requestKey,
      },
    });
    navigate(paths.referral(r.id));
  });

  return (
    <Stack gap="md">
      <PageHeader title={f.title} description={f.description} />
      <form onSubmit={submit}>
        <Stack gap="md">
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <NikLookup value={nik} onChange={setNik} label={f.nik} testId="referral" />
              <IcdSelect
                value={diagnosis}
                onChange={(code, item) => {
                  setDiagnosis(code);
                  setChosen(item);
                }}
                label={f.diagnosis}
                testId="referral-diagnosis"
              />
              {chosen?.primaryCare && (
                <Alert color="yellow" variant="light">
                  {f.primaryCare}
                </Alert>
              )}
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {f.kind}
                </Text>
                <SegmentedControl
                  value={kind}
                  onChange={(v) => setKind(v as 'MEDICAL' | 'NON_MEDICAL')}
                  data={[
                    { value: 'MEDICAL', label: s.kindLong.MEDICAL! },
                    { value: 'NON_MEDICAL', label: s.kindLong.NON_MEDICAL! },
                  ]}
                />
              </Stack>
              <Checkbox
                label={f.emergency}
                checked={emergency}
                onChange={(e) => setEmergency(e.currentTarget.checked)}
                data-testid="referral-emergency"
              />
              <Textarea
                label={f.notes}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Radio.Group label={f.destination} description={f.destinationHelp} value={dest} onChange={setDest} required>
              <ErrorAlert error={destinations.error} onRetry={destinations.reload} />
              <Stack gap="xs" mt="sm" data-testid="referral-destinations">
                {destinations.data?.items.length === 0 && <Text c="dimmed">{f.noDestinations}</Text>}
                {destinations.data?.items.map((d) => (
                  <Radio
                    key={d.code}
                    value={d.code}
                    disabled={!d.available}
                    data-testid={`destination-${d.code}`}
                    label={
                      <Text size="sm">
                        <strong>
                          {d.rank}. {d.name}
                        </strong>{' '}
                        · {d.proximityLabel} · {f.beds}: {d.freeBeds ?? f.noBeds}
                        {!d.partner ? ` · ${f.noPartner}` : ''}
                      </Text>
                    }
                    description={d.refusal ?? d.address ?? undefined}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Paper>
          <ErrorAlert error={error} />
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={!diagnosis || !dest || digitsOnly(nik).length !== 16}
              data-testid="referral-submit"
            >
              {f.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
