import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { digitsOnly, formatDate } from '../format';
import { ErrorAlert } from '../ui/ErrorAlert';

export interface Eligibility {
  eligible: boolean;
  date: string;
  person: { name: string } | null;
  reasons: { severity: string; message: string }[];
}

interface Props {
  value: string;
  onChange: (nik: string) => void;
  /** The date coverage is checked on (SJP: the admission date); today when absent. */
  date?: string | null;
  label: string;
  /** Prefix of the test ids: `<prefix>-nik`, `<prefix>-check`, `<prefix>-eligibility`. */
  testId: string;
  onResult?: (e: Eligibility | null) => void;
}

const t = {
  check: 'Cek kepesertaan',
  eligible: 'Peserta Jamkesda',
  notEligible: 'Bukan peserta Jamkesda',
  on: (d: string) => `pada ${formatDate(d)}`,
};

/**
 * The patient's NIK with the name and coverage found for it, the same on the
 * referral and the SJP forms: checked when the field is complete or on demand,
 * and again when the date it is checked on changes.
 */
export function NikLookup({ value, onChange, date, label, testId, onResult }: Props) {
  const [elig, setElig] = useState<Eligibility | null>(null);
  const [error, setError] = useState<unknown>(null);

  const check = async () => {
    setError(null);
    setElig(null);
    onResult?.(null);
    try {
      const e = await api<Eligibility>('/api/v1/eligibility', {
        query: { nik: digitsOnly(value), date: date || undefined },
      });
      setElig(e);
      onResult?.(e);
    } catch (err) {
      setError(err);
    }
  };

  // A prefilled NIK (from a referral), or a new date, is checked without a click.
  useEffect(() => {
    if (digitsOnly(value).length === 16) void check();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [date]);

  return (
    <>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={label}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            setElig(null);
            onResult?.(null);
          }}
          onBlur={() => digitsOnly(value).length === 16 && !elig && void check()}
          inputMode="numeric"
          maxLength={20}
          required
          className="mono"
          data-testid={`${testId}-nik`}
          style={{ flex: '1 1 240px' }}
        />
        <Button
          variant="light"
          onClick={() => void check()}
          disabled={digitsOnly(value).length !== 16}
          data-testid={`${testId}-check`}
        >
          {t.check}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {elig && (
        <Alert
          color={elig.eligible ? 'teal' : 'red'}
          variant="light"
          data-testid={`${testId}-eligibility`}
          data-eligible={elig.eligible}
        >
          <Text fw={600}>
            {elig.eligible ? t.eligible : t.notEligible} {t.on(elig.date)}
            {elig.person ? ` — ${elig.person.name}` : ''}
          </Text>
          {elig.reasons
            .filter((r) => r.severity !== 'INFO')
            .map((r) => (
              <Text size="sm" key={r.message}>
                {r.message}
              </Text>
            ))}
        </Alert>
      )}
    </>
  );
}
