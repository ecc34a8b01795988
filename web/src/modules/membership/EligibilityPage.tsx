import { Box, Button, Group, Paper, Stack, TextInput, VisuallyHidden } from '@mantine/core';
import { useReveal } from '../../shared/ui/useReveal';
import { IconShieldSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { digitsOnly, nikProblem, todayJakarta } from '../../shared/format';
import type { EligibilityDecision } from '@server/modules/membership/schemas';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EligibilityResult, basisText, verdictText } from './EligibilityResult';
import { s } from './strings';

const c = s.check;

function nikMessage(value: string): string | null {
  switch (nikProblem(value)) {
    case 'empty':
      return c.nikEmpty;
    case 'notDigits':
      return c.nikNotDigits;
    case 'length':
      return c.nikLength(digitsOnly(value).length);
    case 'serial':
      return c.nikSerial;
    default:
      return null;
  }
}

export default function EligibilityPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [nik, setNik] = useState(params.get('nik') ?? '');
  const [date, setDate] = useState<string | null>(params.get('date') ?? todayJakarta());
  const [nikError, setNikError] = useState<string | null>(null);
  const [result, setResult] = useState<EligibilityDecision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const nikRef = useRef<HTMLInputElement>(null);
  const resultRef = useReveal(result, { focus: false });

  const check = async (nikValue: string, dateValue: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setAnnounce(c.checking);
    try {
      const d = await api<EligibilityDecision>('/api/v1/eligibility', { query: { nik: nikValue, date: dateValue } });
      setResult(d);
      setAnnounce(c.announce(verdictText(d), d.person?.name ?? '', basisText(d)));
      // The desk checks one NIK after another: typing replaces the last one.
      nikRef.current?.select();
    } catch (err) {
      setError(err);
      setAnnounce('');
    } finally {
      setBusy(false);
    }
  };

  // Arriving with ?nik= (from a person page) checks straight away.
  const initial = useRef(params.get('nik'));
  useEffect(() => {
    const n = initial.current;
    if (n && !nikMessage(n)) void check(digitsOnly(n), params.get('date') ?? todayJakarta());
    // Only on first render.
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = nikMessage(nik);
    setNikError(problem);
    if (problem) {
      nikRef.current?.focus();
      return;
    }
    if (!date) return;
    const clean = digitsOnly(nik);
    setParams({ nik: clean, date }, { replace: true });
    void check(clean, date);
  };

  return (
    <Stack gap="md">
      <PageHeader title={c.title} description={c.description} />
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate aria-label={c.title}>
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              ref={nikRef}
              label={c.nik}
              description={c.nikHint}
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              required
              autoFocus
              inputMode="numeric"
              autoComplete="off"
              maxLength={24}
              value={nik}
              onChange={(e) => {
                setNik(e.currentTarget.value);
                // A verdict must never stand next to a NIK it was not given for.
                setResult(null);
                if (nikError) setNikError(null);
              }}
              onBlur={() => nik && setNikError(nikMessage(nik))}
              error={nikError}
              size="md"
              classNames={{ input: 'mono' }}
              style={{ flex: '2 1 280px' }}
              data-testid="eligibility-nik"
            />
            <DateField
              label={c.date}
              required
              value={date}
              onChange={(v) => {
                setDate(v);
                setResult(null);
              }}
              size="md"
              style={{ flex: '1 1 200px' }}
              error={!date ? c.dateRequired : undefined}
              data-testid="eligibility-date"
            />
            <Button
              type="submit"
              size="md"
              mt={{ base: 0, xs: 25 }}
              loading={busy}
              leftSection={<IconShieldSearch size={18} aria-hidden />}
              data-testid="eligibility-submit"
            >
              {c.submit}
            </Button>
          </Group>
        </form>
      </Paper>
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="eligibility-announce">
        {announce}
      </VisuallyHidden>
      <ErrorAlert error={error} />
      {result && (
        <Box ref={resultRef}>
          <EligibilityResult d={result} canReadPerson={can('person.read')} />
        </Box>
      )}
    </Stack>
  );
}
