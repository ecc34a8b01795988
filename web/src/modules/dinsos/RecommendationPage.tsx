import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconBan, IconFileDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime, formatKk, formatNik, todayJakarta } from '../../shared/format';
import { t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { RevokeDialog } from './RevokeDialog';
import { StateBadge } from './StateBadge';
import { s } from './strings';
import type { LetterDetail } from '@server/modules/dinsos/schemas';

const d = s.detail;
const f = d.f;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function StateLine({ l }: { l: LetterDetail }) {
  let text: string;
  if (l.status === 'REVOKED' && l.state !== 'REVOKED') text = d.revokedFuture(formatDate(l.revokedOn));
  else if (l.state === 'REVOKED') text = d.revokedText(formatDate(l.revokedOn), l.revokedByName);
  else if (l.state === 'NOT_YET_VALID') text = d.stateText.NOT_YET_VALID(formatDate(l.validFrom));
  else if (l.state === 'EXPIRED') text = d.stateText.EXPIRED(formatDate(l.validTo));
  else text = d.stateText.ACTIVE(formatDate(l.coverageEnd ?? l.validTo));
  const color =
    l.state === 'REVOKED' ? 'red' : l.state === 'ACTIVE' ? 'dinkes' : l.state === 'EXPIRED' ? 'gray' : 'blue';
  return (
    <Alert color={color} variant="light" data-testid="letter-state-line">
      <Group gap="sm">
        <StateBadge state={l.state} />
        <Text size="sm">{text}</Text>
      </Group>
      {l.revokeReason && (
        <Text size="sm" mt={6}>
          {s.revoke.reason}: {l.revokeReason}
        </Text>
      )}
    </Alert>
  );
}

/** One letter: the person, the recommendation, verification; PDF for every reader, revocation for Dinas Sosial. */
export default function RecommendationPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const { data: l, error, loading, reload } = useApi<LetterDetail>(`/api/v1/recommendations/${encodeURIComponent(id)}`);
  const [revoking, setRevoking] = useState(false);
  const canRevoke = l !== null && can('recommendation.manage') && l.status === 'ACTIVE' && todayJakarta() <= l.validTo;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.recommendations} size="sm" className="no-print">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {d.back}
      </Anchor>
      <PageHeader
        title={l?.number ?? d.titleFallback}
        description={l ? `${l.personName} · ${s.category[l.category]}` : undefined}
        actions={
          l ? (
            <>
              <Button
                component="a"
                href={`/api/v1/recommendations/${l.id}/pdf`}
                download
                leftSection={<IconFileDownload size={18} aria-hidden />}
                data-testid="recommendation-pdf"
              >
                {d.pdf}
              </Button>
              {canRevoke && (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconBan size={18} aria-hidden />}
                  onClick={() => setRevoking(true)}
                  data-testid="recommendation-revoke"
                >
                  {d.revoke}
                </Button>
              )}
            </>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !l && <Text c="dimmed">{t.app.loading}</Text>}
      {l && (
        <>
          <StateLine l={l} />
          {l.nikWarnings.length > 0 && (
            <Alert color="orange" variant="light" title={d.nikWarnings} icon={<IconAlertTriangle aria-hidden />}>
              {l.nikWarnings.join(' ')}
            </Alert>
          )}
          <Section id="letter-person" title={d.person}>
            <FieldGrid>
              <Field label={f.name}>{l.personName}</Field>
              <Field label={f.nik}>
                <span className="mono">{formatNik(l.nik)}</span>
              </Field>
              <Field label={f.birthDate}>{formatDate(l.birthDate)}</Field>
              <Field label={f.sex}>{t.sex[l.sex]}</Field>
              <Field label={f.noKk}>{l.noKk ? <span className="mono">{formatKk(l.noKk)}</span> : null}</Field>
              <Field label={f.address}>{l.address}</Field>
              <Field label={f.inPopulation}>{l.inPopulation ? d.yes : d.no}</Field>
            </FieldGrid>
          </Section>
          <Section id="letter-content" title={d.letter}>
            <FieldGrid min={240}>
              <Field label={f.category}>{s.category[l.category]}</Field>
              <Field label={f.institution}>{l.institution}</Field>
              <Field label={f.validity}>
                {formatDate(l.validFrom)} s.d. {formatDate(l.validTo)}
              </Field>
              <Field label={f.issued}>{formatDateTime(l.issuedAt)}</Field>
              <Field label={f.issuer}>{l.issuerName}</Field>
            </FieldGrid>
            <Stack gap={2} mt="md">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
                {f.reason}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {l.reason}
              </Text>
            </Stack>
          </Section>
          <Section id="letter-verification" title={d.verification}>
            <FieldGrid min={260}>
              <Field label={f.code}>
                <span className="mono">{l.verifyCode}</span>
              </Field>
              <Field label={f.url}>
                <Anchor
                  component={Link}
                  to={paths.verifyRecommendation(l.verifyCode)}
                  size="sm"
                  style={{ wordBreak: 'break-all' }}
                >
                  {l.verifyUrl}
                </Anchor>
              </Field>
            </FieldGrid>
          </Section>
          {canRevoke && (
            <RevokeDialog
              letter={l}
              opened={revoking}
              onClose={() => setRevoking(false)}
              onSaved={() => {
                setRevoking(false);
                reload();
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
