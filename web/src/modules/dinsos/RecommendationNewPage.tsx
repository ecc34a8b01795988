import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconSearch, IconUserCheck, IconUserQuestion } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { digitsOnly, formatDate, formatDateShort, formatKk, formatNik, nikProblem } from '../../shared/format';
import { t } from '../../shared/i18n';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { fieldErrors } from '../../shared/fieldErrors';
import { useReveal } from '../../shared/ui/useReveal';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { addDays, periodEnd } from './dates';
import { StateBadge } from './StateBadge';
import { s } from './strings';
import type { LetterDetail, Lookup } from '@server/modules/dinsos/schemas';

const c = s.create;
/** The fields of this form the server may name in its error details. */
const FIELDS = [
  'nik',
  'category',
  'institution',
  'person.name',
  'person.birthDate',
  'person.sex',
  'person.address',
  'reason',
  'validFrom',
  'validTo',
] as const;

function PersonPanel({ lookup }: { lookup: Lookup }) {
  const p = lookup.person;
  if (!p) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconUserQuestion aria-hidden />}
        title={c.notFound}
        data-testid="lookup-not-found"
      >
        {c.notFoundBody}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="lg" data-testid="lookup-person">
      <Group gap="xs" mb="md">
        <IconUserCheck size={20} aria-hidden color="var(--mantine-color-dinkes-7)" />
        <Text fw={600}>{c.found}</Text>
      </Group>
      <FieldGrid>
        <Field label={s.detail.f.name}>{p.name}</Field>
        <Field label={s.detail.f.nik}>
          <span className="mono">{formatNik(lookup.nik)}</span>
        </Field>
        <Field label={s.detail.f.birthDate}>{formatDate(p.birthDate)}</Field>
        <Field label={s.detail.f.sex}>{t.sex[p.sex]}</Field>
        <Field label={s.detail.f.noKk}>
          <span className="mono">{formatKk(p.noKk)}</span>
        </Field>
        <Field label={s.detail.f.address}>{p.address}</Field>
      </FieldGrid>
      {!p.resident && (
        <Alert color="red" variant="light" mt="md" icon={<IconAlertTriangle aria-hidden />} title={c.notResident}>
          {p.deathDate
            ? c.deceased(formatDate(p.deathDate))
            : p.movedOutDate
              ? c.movedOut(formatDate(p.movedOutDate))
              : null}
        </Alert>
      )}
      {p.nikWarnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          mt="md"
          icon={<IconAlertTriangle aria-hidden />}
          title={s.detail.nikWarnings}
        >
          {p.nikWarnings.join(' ')}
        </Alert>
      )}
    </Paper>
  );
}

function ExistingLetters({ lookup }: { lookup: Lookup }) {
  if (lookup.letters.length === 0) return null;
  const active = lookup.letters.some((l) => l.state === 'ACTIVE' || l.state === 'NOT_YET_VALID');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="existing-letters">
      <Title order={2} id="existing-letters" mb="sm">
        {c.existing}
      </Title>
      <Stack gap={6}>
        {lookup.letters.map((l) => (
          <Group key={l.id} gap="sm" wrap="wrap">
            <Anchor component={Link} to={paths.recommendation(l.id)} className="mono" size="sm">
              {l.number}
            </Anchor>
            <Text size="sm">{s.category[l.category]}</Text>
            <Text size="sm" c="dimmed">
              {formatDateShort(l.validFrom)} – {formatDateShort(l.validTo)}
            </Text>
            <StateBadge state={l.state} />
          </Group>
        ))}
      </Stack>
      {active && (
        <Text size="sm" c="orange" mt="sm">
          {c.existingActive}
        </Text>
      )}
    </Paper>
  );
}

/**
 * Issuing a letter: the NIK first (the population record and any letters it
 * already has), then category, institution or identity, reason and validity.
 */
export default function RecommendationNewPage() {
  const navigate = useNavigate();
  const [nik, setNik] = useState('');
  const [nikError, setNikError] = useState<string | null>(null);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [looking, setLooking] = useState(false);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [category, setCategory] = useState<string>('');
  const [institution, setInstitution] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState<string | null>(null);
  const [sex, setSex] = useState<string>('');
  const [address, setAddress] = useState('');
  const [reason, setReason] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [validTo, setValidTo] = useState<string | null>(null);
  const nikRef = useRef<HTMLInputElement>(null);
  const lookupRef = useReveal(lookup, { focus: false });

  const doLookup = async (e: FormEvent) => {
    e.preventDefault();
    const problem = nikProblem(nik);
    if (problem) {
      setNikError(c.nikProblem[problem](digitsOnly(nik).length));
      nikRef.current?.focus();
      return;
    }
    setLooking(true);
    setLookupError(null);
    setLookup(null);
    try {
      const r = await api<Lookup>('/api/v1/recommendations/lookup', { query: { nik: digitsOnly(nik) } });
      setLookup(r);
      setValidFrom(r.today);
      setValidTo(null);
      setCategory(r.person?.resident ? 'TIDAK_MAMPU' : '');
    } catch (err) {
      setLookupError(err);
    } finally {
      setLooking(false);
    }
  };

  const info = lookup?.categories.find((x) => x.code === category) ?? null;
  const special = info?.specialGroup ?? false;
  const needsIdentity = special && lookup !== null && lookup.person === null;
  const hint = useMemo(() => {
    if (!info || !validFrom) return null;
    return {
      def: periodEnd(validFrom, info.unit, info.defaultLength),
      max: periodEnd(validFrom, info.unit, info.maxLength),
    };
  }, [info, validFrom]);

  const { busy, error, submit } = useSubmit(async () => {
    if (!lookup || !category) return;
    const l = await api<LetterDetail>('/api/v1/recommendations', {
      method: 'POST',
      body: {
        nik: lookup.nik,
        category,
        reason,
        institution: special ? institution : null,
        validFrom,
        validTo,
        person: needsIdentity ? { name, birthDate, sex: sex || null, address: address || null } : null,
      },
    });
    notifications.show({ color: 'dinkes', message: c.created(l.number) });
    navigate(paths.recommendation(l.id));
  });

  // The server checks every field at once; each problem shows under its field, the rest above the button.
  const formRef = useRef<HTMLFormElement>(null);
  const { byField: fe, rest: otherErrors } = fieldErrors(error, FIELDS);
  useEffect(() => {
    if (!error) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) {
      first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      first.focus({ preventScroll: true });
    }
  }, [error]);

  const canTidakMampu = lookup?.person?.resident ?? false;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.recommendations} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {c.back}
      </Anchor>
      <PageHeader title={c.title} description={c.description} />
      <Paper withBorder p="lg">
        <form onSubmit={doLookup} noValidate aria-label={c.lookup}>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              ref={nikRef}
              label={c.nik}
              value={nik}
              onChange={(e) => {
                setNik(e.currentTarget.value);
                setNikError(null);
                setLookup(null);
              }}
              error={nikError ?? fe.nik}
              required
              autoFocus
              inputMode="numeric"
              autoComplete="off"
              maxLength={24}
              classNames={{ input: 'mono' }}
              style={{ flex: '1 1 300px' }}
              data-testid="recommendation-nik"
            />
            <Button
              type="submit"
              mt={{ base: 0, xs: 25 }}
              loading={looking}
              leftSection={<IconSearch size={16} aria-hidden />}
              data-testid="recommendation-lookup"
            >
              {c.lookup}
            </Button>
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={lookupError} />
      {lookup && (
        <>
          <Box ref={lookupRef}>
            <PersonPanel lookup={lookup} />
          </Box>
          <ExistingLetters lookup={lookup} />
          <Paper withBorder p="lg" component="section" aria-labelledby="letter-form">
            <Title order={2} id="letter-form" mb="md">
              {s.detail.letter}
            </Title>
            <form onSubmit={submit} noValidate ref={formRef}>
              <Stack gap="md">
                <Radio.Group
                  label={c.category}
                  value={category}
                  onChange={setCategory}
                  required
                  error={fe.category}
                  data-testid="recommendation-category"
                >
                  <Stack gap={8} mt={6}>
                    {lookup.categories.map((x) => (
                      <Radio
                        key={x.code}
                        value={x.code}
                        label={x.label}
                        disabled={x.code === 'TIDAK_MAMPU' && !canTidakMampu}
                        description={x.code === 'TIDAK_MAMPU' && !canTidakMampu ? c.tidakMampuDisabled : undefined}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                {special && (
                  <TextInput
                    label={info ? s.institution[info.code] : undefined}
                    description={c.institutionHint}
                    value={institution}
                    onChange={(e) => setInstitution(e.currentTarget.value)}
                    error={fe.institution}
                    required
                    maxLength={200}
                    data-testid="recommendation-institution"
                  />
                )}
                {needsIdentity && (
                  <Stack gap="sm">
                    <Text fw={600} size="sm">
                      {c.identity}
                    </Text>
                    <TextInput
                      label={c.name}
                      value={name}
                      onChange={(e) => setName(e.currentTarget.value)}
                      error={fe['person.name']}
                      required
                      maxLength={100}
                      data-testid="recommendation-name"
                    />
                    <Group gap="md" align="flex-start" wrap="wrap">
                      <DateField
                        label={c.birthDate}
                        value={birthDate}
                        onChange={setBirthDate}
                        error={fe['person.birthDate']}
                        required
                        style={{ flex: '1 1 220px' }}
                        data-testid="recommendation-birthdate"
                      />
                      <Stack gap={4}>
                        <Text size="sm" fw={500} id="sex-label">
                          {c.sex}{' '}
                          <span aria-hidden style={{ color: 'var(--mantine-color-error)' }}>
                            *
                          </span>
                        </Text>
                        <SegmentedControl
                          aria-labelledby="sex-label"
                          value={sex}
                          onChange={setSex}
                          data={[
                            { value: 'L', label: t.sex.L! },
                            { value: 'P', label: t.sex.P! },
                          ]}
                          data-testid="recommendation-sex"
                        />
                        {fe['person.sex'] && (
                          <Text
                            size="xs"
                            c="var(--mantine-color-error)"
                            role="alert"
                            data-testid="recommendation-sex-error"
                          >
                            {fe['person.sex']}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                    <TextInput
                      label={c.address}
                      description={c.addressHint}
                      value={address}
                      onChange={(e) => setAddress(e.currentTarget.value)}
                      error={fe['person.address']}
                      maxLength={300}
                    />
                  </Stack>
                )}
                <Textarea
                  label={c.reason}
                  description={c.reasonHint}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={fe.reason}
                  required
                  minRows={3}
                  maxLength={500}
                  data-testid="recommendation-reason"
                />
                <Group gap="md" align="flex-start" wrap="wrap">
                  <DateField
                    label={c.validFrom}
                    description={c.validFromHint}
                    value={validFrom}
                    onChange={setValidFrom}
                    error={fe.validFrom}
                    minDate={addDays(lookup.today, -7)}
                    maxDate={addDays(lookup.today, 30)}
                    required
                    style={{ flex: '1 1 240px' }}
                    data-testid="recommendation-from"
                  />
                  <DateField
                    label={c.validTo}
                    description={hint ? c.validToHint(formatDate(hint.def), formatDate(hint.max)) : undefined}
                    value={validTo}
                    onChange={setValidTo}
                    error={fe.validTo}
                    minDate={validFrom ?? undefined}
                    maxDate={hint?.max}
                    clearable
                    style={{ flex: '1 1 240px' }}
                    data-testid="recommendation-to"
                  />
                </Group>
                {otherErrors.length > 0 && <ErrorAlert error={new Error(otherErrors.join(' '))} />}
                {otherErrors.length === 0 && Object.keys(fe).length > 0 && (
                  <Text size="sm" c="var(--mantine-color-error)" role="alert" data-testid="recommendation-check-fields">
                    {c.checkFields}
                  </Text>
                )}
                <Group>
                  <Button type="submit" loading={busy} disabled={!category} data-testid="recommendation-submit">
                    {c.submit}
                  </Button>
                  {info && (
                    <Badge variant="light" style={{ textTransform: 'none' }}>
                      {info.label}
                    </Badge>
                  )}
                </Group>
              </Stack>
            </form>
          </Paper>
        </>
      )}
    </Stack>
  );
}
