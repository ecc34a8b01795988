import { Alert, Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconId, IconShieldCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { ageOn, formatDate, formatKk, formatNik, todayJakarta } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import type { Family, JknMembership, PersonDetail } from '@server/modules/population/schemas';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { Section } from '../../shared/ui/Section';
import { TimelinePanel } from '../membership/TimelinePanel';
import { PersonStatus } from './PersonStatus';
import { PersonTable } from './PersonTable';
import { s } from './strings';

const f = s.person.f;

function JknPanel({ jkn }: { jkn: JknMembership | null }) {
  if (!jkn) {
    return (
      <Text size="sm" c="dimmed">
        {s.person.noJkn}
      </Text>
    );
  }
  return (
    <FieldGrid>
      <Field label={f.segment}>{label(t.jknSegment, jkn.segment)}</Field>
      <Field label={f.class}>{String(jkn.class)}</Field>
      <Field label={f.jknStatus}>
        <Badge color={jkn.status === 'AKTIF' ? 'dinkes' : 'gray'} variant="light">
          {jkn.status}
        </Badge>
      </Field>
      <Field label={f.card}>
        <span className="mono">{jkn.cardNumber}</span>
      </Field>
      <Field label={f.arrears}>{jkn.arrearsMonths ? s.person.months(jkn.arrearsMonths) : null}</Field>
      <Field label={f.validFrom}>{formatDate(jkn.validFrom)}</Field>
    </FieldGrid>
  );
}

function FamilyPanel({ noKk, nik }: { noKk: string; nik: string }) {
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<Family>(`/api/v1/families/${noKk}`);
  return (
    <Section
      id="family-title"
      title={`${s.person.family} · KK ${formatKk(noKk)}`}
      extra={
        can('card.read') ? (
          <Button
            component={Link}
            to={paths.familyCard(noKk)}
            variant="light"
            leftSection={<IconId size={16} aria-hidden />}
            data-testid="family-card-link"
          >
            {s.person.familyCard}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <ErrorAlert error={error} onRetry={reload} />
        {data && !data.hasHead && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {s.person.noHead}
          </Alert>
        )}
        <PersonTable
          caption={s.person.familyCaption(formatKk(noKk))}
          rows={data?.members}
          loading={loading}
          highlightNik={nik}
          showKk={false}
          testId="family-members"
        />
      </Stack>
    </Section>
  );
}

export default function PersonPage() {
  const { nik = '' } = useParams();
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<{ person: PersonDetail; jkn: JknMembership | null }>(
    `/api/v1/persons/${encodeURIComponent(nik)}`,
  );
  const p = data?.person;
  const age = p ? ageOn(p.birthDate, p.deathDate ?? todayJakarta()) : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.persons} size="sm" className="no-print">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {s.person.backToSearch}
      </Anchor>
      <PageHeader
        title={p?.name ?? s.person.titleFallback}
        description={p ? `NIK ${formatNik(p.nik)}` : undefined}
        actions={
          p && can('eligibility.check') ? (
            <Button
              component={Link}
              to={`${paths.eligibility}?nik=${p.nik}`}
              leftSection={<IconShieldCheck size={18} aria-hidden />}
              data-testid="check-eligibility"
            >
              {s.person.checkEligibility}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !p && <Text c="dimmed">{t.app.loading}</Text>}
      {p && (
        <>
          <PersonStatus p={p} showEktpOk />
          {p.nikWarnings.length > 0 && (
            <Alert color="orange" variant="light" title={s.person.nikWarnings} icon={<IconAlertTriangle aria-hidden />}>
              <Stack gap={2}>
                {p.nikWarnings.map((w) => (
                  <Text key={w} size="sm">
                    {w}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Section id="identity-title" title={s.person.identity}>
            <FieldGrid>
              <Field label={f.nik}>
                <span className="mono">{formatNik(p.nik)}</span>
              </Field>
              <Field label={f.noKk}>
                <span className="mono">{formatKk(p.noKk)}</span>
              </Field>
              <Field label={f.sex}>{t.sex[p.sex] ?? p.sex}</Field>
              <Field label={f.birth}>{[p.birthPlace, formatDate(p.birthDate)].filter(Boolean).join(', ')}</Field>
              <Field label={f.age}>{age !== null ? s.person.years(age) : null}</Field>
              <Field label={f.relation}>{p.relation}</Field>
              <Field label={f.ektp}>{p.ektpRecorded ? s.status.ektp : s.status.noEktp}</Field>
              <Field label={f.death}>{formatDate(p.deathDate)}</Field>
              <Field label={f.movedOut}>{formatDate(p.movedOutDate)}</Field>
            </FieldGrid>
          </Section>
          <Section id="address-title" title={s.person.address}>
            <FieldGrid>
              <Field label={f.address}>{p.address}</Field>
              <Field label={f.rtRw}>{p.rt || p.rw ? `${p.rt ?? '-'}/${p.rw ?? '-'}` : null}</Field>
              <Field label={f.village}>{p.villageName}</Field>
              <Field label={f.district}>{p.districtName}</Field>
              <Field label={f.villageCode}>
                <span className="mono">{p.villageCode}</span>
              </Field>
              <Field label={f.firstSeen}>{formatDate(p.firstSeenAsOf)}</Field>
              <Field label={f.lastSeen}>{formatDate(p.lastSeenAsOf)}</Field>
            </FieldGrid>
          </Section>
          <Section id="jkn-title" title={s.person.jkn}>
            <JknPanel jkn={data.jkn} />
          </Section>
          <FamilyPanel noKk={p.noKk} nik={p.nik} />
          {can('membership.history') && <TimelinePanel nik={p.nik} onChanged={reload} />}
        </>
      )}
    </Stack>
  );
}
