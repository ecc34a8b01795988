import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconFileDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDateTime, formatNik } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageLoader } from '../../shared/ui/PageLoader';
import { StatusBadge } from './StatusBadge';
import { s } from './strings';
import type { Referral } from '@server/modules/referrals/schemas';

const d = s.detail;

/** One referral: the patient, diagnosis and route; the PDF letter; the receiving hospital's steps and the back-referral. */
export default function ReferralPage() {
  const { id = '' } = useParams();
  const { me, can } = useSession();
  const { data: r, error, loading, reload } = useApi<Referral>(`/api/v1/referrals/${id}`);
  const [busy, setBusy] = useState(false);
  const [actError, setActError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [condition, setCondition] = useState('');
  const [followUp, setFollowUp] = useState('');

  if (loading && !r) return <PageLoader />;
  if (!r) return <ErrorAlert error={error} onRetry={reload} />;

  const receiver = can('referral.respond') && me?.facilityCode === r.toFacilityCode;
  const act = async (path: string, body: object = {}) => {
    setBusy(true);
    setActError(null);
    try {
      await api(`/api/v1/referrals/${r.id}/${path}`, { method: 'POST', body });
      reload();
    } catch (err) {
      setActError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.referrals} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden /> {d.back}
        </Group>
      </Anchor>
      <PageHeader
        title={`Rujukan ${r.number}`}
        actions={
          <Group gap="sm">
            {r.status === 'ADMITTED' &&
              can('sjp.request') &&
              (!me?.facilityCode || me.facilityCode === r.toFacilityCode) && (
                <Button
                  component={Link}
                  to={`${paths.sjpNew}?rujukan=${r.id}`}
                  leftSection={<IconShieldCheck size={18} aria-hidden />}
                  data-testid="referral-request-sjp"
                >
                  {d.requestSjp}
                </Button>
              )}
            {r.status === 'RETURNED' && (
              <Button
                component="a"
                variant="default"
                href={`/api/v1/referrals/${r.id}/back-referral.pdf`}
                download
                leftSection={<IconFileDownload size={18} aria-hidden />}
                data-testid="referral-back-pdf"
              >
                {d.backPdf}
              </Button>
            )}
            <Button
              component="a"
              variant={r.status === 'ADMITTED' ? 'default' : 'filled'}
              href={`/api/v1/referrals/${r.id}/pdf`}
              download
              leftSection={<IconFileDownload size={18} aria-hidden />}
              data-testid="referral-pdf"
            >
              {d.pdf}
            </Button>
          </Group>
        }
      />
      <Group gap="xs">
        <StatusBadge status={r.status} />
        {r.emergency && (
          <Text c="red" fw={600}>
            {d.emergency}
          </Text>
        )}
      </Group>
      {r.competencyFlag && (
        <Alert color="yellow" variant="light" title={d.flagged}>
          {r.competencyReview ? (
            <Text size="sm" data-testid="competency-review">
              {r.competencyReview.verdict === 'JUSTIFIED' ? d.reviewJustified : d.reviewNotJustified} —{' '}
              {r.competencyReview.note} ({r.competencyReview.reviewer}, {formatDateTime(r.competencyReview.reviewedAt)})
            </Text>
          ) : can('referral.review') ? (
            <Stack gap="xs">
              <Textarea
                label={d.reviewNote}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                minRows={2}
                maxLength={2000}
              />
              <Group>
                <Button
                  size="xs"
                  loading={busy}
                  disabled={reason.trim().length < 5}
                  onClick={() => void act('competency-review', { verdict: 'JUSTIFIED', note: reason })}
                >
                  {d.reviewJustified}
                </Button>
                <Button
                  size="xs"
                  color="orange"
                  loading={busy}
                  disabled={reason.trim().length < 5}
                  onClick={() => void act('competency-review', { verdict: 'NOT_JUSTIFIED', note: reason })}
                >
                  {d.reviewNotJustified}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm">{d.reviewPending}</Text>
          )}
        </Alert>
      )}
      {!r.partner && (
        <Alert color="orange" variant="light">
          {d.noPartner}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <FieldGrid>
          <Field label={d.patient}>{r.personName}</Field>
          <Field label={d.nik}>
            <span className="mono">{formatNik(r.nik)}</span>
          </Field>
          <Field label={d.membership}>
            {r.eligible
              ? `${s.form.eligible}${r.eligibilityBasis ? ` (${s.basis[r.eligibilityBasis] ?? r.eligibilityBasis})` : ''}`
              : s.form.notEligible}
          </Field>
          <Field label={d.from}>{r.fromFacilityName ?? s.list.noReferral}</Field>
          <Field label={d.to}>{r.toFacilityName}</Field>
          <Field label={d.diagnosis}>
            <span className="mono">{r.diagnosisCode}</span> {r.diagnosisTitle}
          </Field>
          <Field label={d.kind}>{s.kindLong[r.kind]}</Field>
          <Field label={d.created}>{formatDateTime(r.createdAt)}</Field>
          <Field label={d.creator}>{r.creatorName}</Field>
          <Field label={d.verify}>
            <span className="mono">{r.verifyCode}</span>
          </Field>
        </FieldGrid>
        {r.clinicalNotes && (
          <Text size="sm" mt="md">
            <strong>{d.notes}:</strong> {r.clinicalNotes}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          {d.timeline}
        </Title>
        <Stack gap={4}>
          <Text size="sm">
            {s.detail.created}: {formatDateTime(r.createdAt)}
          </Text>
          {r.bedConfirmedAt && (
            <Text size="sm">
              {d.bedConfirmed}: {formatDateTime(r.bedConfirmedAt)}
            </Text>
          )}
          {r.arrivedAt && (
            <Text size="sm">
              {d.arrived}: {formatDateTime(r.arrivedAt)}
            </Text>
          )}
          {r.admittedAt && (
            <Text size="sm">
              {d.admitted}: {formatDateTime(r.admittedAt)}
            </Text>
          )}
          {r.declinedReason && (
            <Text size="sm">
              {d.declined}: {r.declinedReason}
            </Text>
          )}
        </Stack>
        {r.returnedAt && (
          <Alert
            color="teal"
            variant="light"
            mt="sm"
            title={`${d.returned} — ${formatDateTime(r.returnedAt)}`}
            data-testid="referral-back"
          >
            <Text size="sm">
              <strong>{d.condition}:</strong> {r.returnCondition}
            </Text>
            <Text size="sm">
              <strong>{d.followUp}:</strong> {r.returnFollowUp}
            </Text>
          </Alert>
        )}
      </Paper>
      {receiver && ['AWAITING_BED', 'SENT', 'ARRIVED', 'ADMITTED'].includes(r.status) && (
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="sm">
            {d.actions}
          </Title>
          <ErrorAlert error={actError} />
          <Stack gap="sm">
            <Group gap="sm">
              {r.status === 'AWAITING_BED' && (
                <Button loading={busy} onClick={() => void act('confirm-bed')} data-testid="referral-confirm-bed">
                  {d.confirmBed}
                </Button>
              )}
              {r.status === 'SENT' && (
                <Button loading={busy} onClick={() => void act('arrive')} data-testid="referral-arrive">
                  {d.arrive}
                </Button>
              )}
              {(r.status === 'SENT' || r.status === 'ARRIVED') && (
                <Button loading={busy} variant="light" onClick={() => void act('admit')} data-testid="referral-admit">
                  {d.admit}
                </Button>
              )}
            </Group>
            {(r.status === 'AWAITING_BED' || r.status === 'SENT') && (
              <Group align="flex-end" gap="sm">
                <Textarea
                  label={d.reason}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  style={{ flex: '1 1 300px' }}
                  autosize
                />
                <Button color="red" variant="light" loading={busy} onClick={() => void act('decline', { reason })}>
                  {d.decline}
                </Button>
              </Group>
            )}
            {(r.status === 'ARRIVED' || r.status === 'ADMITTED') && (
              <Stack gap="xs">
                <Textarea
                  label={d.condition}
                  value={condition}
                  onChange={(e) => setCondition(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  data-testid="back-condition"
                />
                <Textarea
                  label={d.followUp}
                  value={followUp}
                  onChange={(e) => setFollowUp(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  data-testid="back-follow-up"
                />
                <Group>
                  <Button
                    loading={busy}
                    onClick={() => void act('back-referral', { condition, followUp })}
                    data-testid="referral-send-back"
                  >
                    {d.sendBack}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
