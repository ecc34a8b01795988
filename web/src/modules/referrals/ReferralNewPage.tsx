import { Alert, Button, Checkbox, Group, Paper, Radio, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
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
import type { Destination, IcdItem, Referral } from './types';

const f = s.form;

interface Eligibility {
  eligible: boolean;
  person: { name: string } | null;
  reasons: { severity: string; message: string }[];
}

/** REF-1/REF-2: patient by NIK (eligibility shown), ICD-10 diagnosis, kind, destination ranked nearest first. */
export default function ReferralNewPage() {
  const navigate = useNavigate();
  // One key per form: a second click on "send" is recognised as the same referral.
  const requestKey = useMemo(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, []);
  const [nik, setNik] = useState('');
  const [elig, setElig] = useState<Eligibility | null>(null);
  const [eligError, setEligError] = useState<unknown>(null);
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<IcdItem[]>([]);
  const [diagnosis, setDiagnosis] = useState<string | null>(null);
  const [kind, setKind] = useState<'MEDICAL' | 'NON_MEDICAL'>('MEDICAL');
  const [emergency, setEmergency] = useState(false);
  const [notes, setNotes] = useState('');
  const [dest, setDest] = useState<string>('');
  const destinations = useApi<{ items: Destination[] }>('/api/v1/referrals/destinations', { emergency: emergency ? 'true' : undefined });

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api<{ items: IcdItem[] }>('/api/v1/icd10', { query: { q, limit: 30 }, signal: ctrl.signal })
        .then((r) => setOptions((prev) => {
          const chosen = prev.find((o) => o.code === diagnosis);
          return chosen && !r.items.some((o) => o.code === chosen.code) ? [chosen, ...r.items] : r.items;
        }))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
    // Only the search text triggers a search; the chosen diagnosis stays in the list meanwhile.
  }, [q]);

  useEffect(() => {
    const first = destinations.data?.items.find((d) => d.available);
    if (first && !destinations.data?.items.some((d) => d.code === dest && d.available)) setDest(first.code);
  }, [destinations.data, dest]);

  const checkNik = async () => {
    setEligError(null);
    setElig(null);
    try {
      setElig(await api<Eligibility>('/api/v1/eligibility', { query: { nik: digitsOnly(nik) } }));
    } catch (err) {
      setEligError(err);
    }
  };

  const chosen = options.find((o) => o.code === diagnosis);
  const { busy, error, submit } = useSubmit(async () => {
    const r = await api<Referral>('/api/v1/referrals', {
      method: 'POST',
      body: { nik: digitsOnly(nik), diagnosisCode: diagnosis ?? '', kind, toFacilityCode: dest, emergency, clinicalNotes: notes, requestKey },
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
              <Group align="flex-end" gap="sm">
                <TextInput
                  label={f.nik}
                  value={nik}
                  onChange={(e) => {
                    setNik(e.currentTarget.value);
                    setElig(null);
                  }}
                  onBlur={() => digitsOnly(nik).length === 16 && !elig && void checkNik()}
                  inputMode="numeric"
                  maxLength={20}
                  required
                  data-testid="referral-nik"
                  style={{ flex: '1 1 240px' }}
                />
                <Button variant="light" onClick={() => void checkNik()} data-testid="referral-check">
                  {f.check}
                </Button>
              </Group>
              <ErrorAlert error={eligError} />
              {elig && (
                <Alert color={elig.eligible ? 'teal' : 'red'} variant="light" data-testid="referral-eligibility" data-eligible={elig.eligible}>
                  <Text fw={600}>
                    {elig.eligible ? f.eligible : f.notEligible}
                    {elig.person ? ` — ${elig.person.name}` : ''}
                  </Text>
                  {elig.reasons.filter((r) => r.severity !== 'INFO').map((r) => (
                    <Text size="sm" key={r.message}>
                      {r.message}
                    </Text>
                  ))}
                </Alert>
              )}
              <Select
                label={f.diagnosis}
                placeholder={f.diagnosisPlaceholder}
                searchable
                searchValue={q}
                onSearchChange={setQ}
                filter={({ options: o }) => o}
                data={options.map((o) => ({ value: o.code, label: `${o.code} — ${o.title}` }))}
                value={diagnosis}
                onChange={setDiagnosis}
                nothingFoundMessage="Tidak ditemukan"
                required
                data-testid="referral-diagnosis"
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
              <Checkbox label={f.emergency} checked={emergency} onChange={(e) => setEmergency(e.currentTarget.checked)} data-testid="referral-emergency" />
              <Textarea label={f.notes} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
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
            <Button type="submit" loading={busy} disabled={!diagnosis || !dest || digitsOnly(nik).length !== 16} data-testid="referral-submit">
              {f.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
