import { Alert, Anchor, Button, Grid, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, formatNik } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { CarePanel } from './CarePanel';
import { DecisionPanel } from './DecisionPanel';
import { DocumentPreview, DocumentsPanel } from './DocumentsPanel';
import { SjpStatusBadge } from './StatusBadge';
import { s } from './strings';
import type { SjpDetail } from '@server/modules/guarantees/schemas';
import { uploadDocument } from './upload';

const d = s.detail;
const PAPERS_PENDING = ['DRAFT', 'NEEDS_COMPLETION'];

/** The hospital withdraws its own open request, with a reason, after a confirmation. */
function CancelRequest({ busy, onCancel }: { busy: boolean; onCancel: (reason: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button color="red" variant="subtle" onClick={() => setOpen(true)} data-testid="sjp-cancel">
        {d.cancel}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={d.cancelTitle} centered>
        <Stack gap="sm">
          <Text size="sm">{d.cancelHelp}</Text>
          <Textarea
            label={d.cancelReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minRows={2}
            maxLength={500}
            data-autofocus
            data-testid="sjp-cancel-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {d.keep}
            </Button>
            <Button
              color="red"
              loading={busy}
              disabled={reason.trim().length < 5}
              onClick={async () => {
                if (await onCancel(reason)) setOpen(false);
              }}
              data-testid="sjp-cancel-confirm"
            >
              {d.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One request: details with coverage on the admission date, documents with preview, the clock, the officer's decision and the letter. */
export default function SjpPage() {
  const { id = '' } = useParams();
  const { can, me } = useSession();
  const { data: r, error, reload } = useApi<SjpDetail>(`/api/v1/sjp/${encodeURIComponent(id)}`);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [shown, setShown] = useState<number | null>(null);

  /** One action on the request; `body` may be built asynchronously (after uploading a document), inside the same error handling. True when it succeeded. */
  const act = async (path: string, body?: unknown | (() => Promise<unknown>)): Promise<boolean> => {
    setBusy(true);
    setActionError(null);
    try {
      const payload = typeof body === 'function' ? await (body as () => Promise<unknown>)() : body;
      await api(`/api/v1/sjp/${id}/${path}`, { method: 'POST', body: payload ?? {} });
      notifications.show({ color: 'dinkes', message: d.done });
      setFiles({});
      reload();
      return true;
    } catch (err) {
      setActionError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const uploadMissing = () =>
    act('documents', async () => {
      const documents = [];
      for (const [requirement, file] of Object.entries(files))
        if (file) documents.push({ requirement, documentId: await uploadDocument(file) });
      return { documents };
    });

  const papersPending = r ? PAPERS_PENDING.includes(r.status) : false;
  // The hospital's side (documents, cancelling, the stay) belongs to whoever filed: the hospital desk, or the office for its own requests.
  const filer = Boolean(r && can('sjp.request') && (me?.facilityCode || r.origin === 'OFFICE'));
  const canEdit = filer && papersPending;
  const canDecide = Boolean(r && can('sjp.decide') && (r.status === 'SUBMITTED' || r.status === 'NEEDS_COMPLETION'));
  const canCancel = filer && Boolean(r && ['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION'].includes(r.status));
  const current = r?.documents.filter((x) => x.replacedBy === null) ?? [];
  const previewed = r?.documents.find((x) => x.documentId === shown) ?? current[0] ?? null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.sjpList} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {d.back}
      </Anchor>
      <PageHeader
        title={r ? `${s.care[r.careType]} · ${r.patientName}` : s.list.title}
        description={
          r ? (
            <Group gap="xs">
              <SjpStatusBadge status={r.status} />
              {r.number && (
                <Text span className="mono" data-testid="sjp-number">
                  {r.number}
                </Text>
              )}
            </Group>
          ) : undefined
        }
        actions={
          <Group gap="sm">
            {canCancel && <CancelRequest busy={busy} onCancel={(reason) => act('cancel', { reason })} />}
            {r?.letterUrl && (
              <Button
                component="a"
                href={r.letterUrl}
                target="_blank"
                rel="noopener"
                leftSection={<IconFileText size={18} aria-hidden />}
                data-testid="sjp-letter"
              >
                {d.letter}
              </Button>
            )}
          </Group>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          {r.status === 'NEEDS_COMPLETION' && (
            <Paper withBorder p="md" bg="orange.0" data-testid="sjp-completion-asked">
              <Text fw={600}>{d.completionAsked}</Text>
              <Text size="sm">
                {[r.missing.map((m) => s.requirement[m] ?? m).join(', '), r.completionNote].filter(Boolean).join('. ')}
              </Text>
            </Paper>
          )}
          {r.status === 'REJECTED' && (
            <Paper withBorder p="md" bg="red.0">
              <Text fw={600}>
                {d.rejected}: {r.rejectLabel}
              </Text>
              {r.rejectNote && <Text size="sm">{r.rejectNote}</Text>}
            </Paper>
          )}
          <Paper withBorder p="lg">
            <FieldGrid>
              <Field label={d.trackingCode}>
                <span className="mono" data-testid="sjp-tracking-code">
                  {r.trackingCode}
                </span>
              </Field>
              <Field label={s.form.nik}>{r.nik ? <span className="mono">{formatNik(r.nik)}</span> : '—'}</Field>
              <Field label={s.col.facility}>{r.facilityName}</Field>
              <Field label={d.basis}>{s.basis[r.basis] ?? r.basis}</Field>
              <Field label={s.col.admitted}>{formatDateTime(r.admittedAt)}</Field>
              <Field label={d.diagnosis}>
                <span data-testid="sjp-diagnosis-name">
                  {r.diagnosisTitle ?? r.diagnosisText ?? d.noDiagnosisName}{' '}
                  <span className="mono">({r.diagnosisCode})</span>
                </span>
                {r.diagnosisText && r.diagnosisTitle && r.diagnosisText !== r.diagnosisTitle && (
                  <Text size="sm">
                    {d.hospitalNote}: {r.diagnosisText}
                  </Text>
                )}
              </Field>
              <Field label={d.careClass}>{`Kelas ${r.careClass}`}</Field>
              <Field label={d.due}>
                {formatDateTime(r.dueAt)}
                {papersPending && (
                  <Text
                    span
                    fw={600}
                    c={r.hoursLeft < 0 ? 'red.8' : r.hoursLeft <= 24 ? 'orange.9' : undefined}
                    data-testid="sjp-time-left"
                  >
                    {` (${r.timeLeft})`}
                  </Text>
                )}
              </Field>
              <Field label={d.lateHours}>{r.lateHours === null ? '—' : (r.lateLabel ?? d.onTime)}</Field>
              {r.validFrom && (
                <Field label={d.validity}>{`${formatDate(r.validFrom)} s.d. ${formatDate(r.validTo)}`}</Field>
              )}
              {r.referralId ? (
                <Field label={d.referral}>
                  <Anchor component={Link} to={paths.referral(r.referralId)}>
                    {d.openReferral}
                  </Anchor>
                </Field>
              ) : null}
            </FieldGrid>
          </Paper>
          {r.eligibility && (
            <Alert
              color={r.eligibility.eligible ? 'teal' : 'red'}
              variant="light"
              data-testid="sjp-eligibility"
              data-eligible={r.eligibility.eligible}
            >
              <Text fw={600}>{d.eligibilityOn(r.eligibility.eligible, formatDate(r.eligibility.date))}</Text>
              {r.eligibility.rule && <Text size="sm">{r.eligibility.rule}</Text>}
              {r.eligibility.reasons.map((m) => (
                <Text size="sm" key={m}>
                  {m}
                </Text>
              ))}
            </Alert>
          )}
          {/* Checklist and decision on the left, the document being read beside them (one column on narrow screens). */}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="md">
                <DocumentsPanel
                  r={r}
                  shown={previewed?.documentId ?? null}
                  setShown={setShown}
                  canEdit={canEdit}
                  busy={busy}
                  files={files}
                  setFile={(code, file) => setFiles((f) => ({ ...f, [code]: file }))}
                  onUpload={() => void uploadMissing()}
                  onSubmit={() => void act('submit')}
                />
                <ErrorAlert error={actionError} />
                {canDecide && <DecisionPanel key={r.status} r={r} busy={busy} act={act} />}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Paper
                withBorder
                p="md"
                component="section"
                aria-label={d.preview}
                style={{ position: 'sticky', top: 76 }}
              >
                <DocumentPreview doc={previewed} />
              </Paper>
            </Grid.Col>
          </Grid>
          <CarePanel r={r} busy={busy} act={act} filer={filer} />
          <Paper withBorder p="lg" component="section" aria-labelledby="sjp-history">
            <Title order={2} id="sjp-history" mb="sm">
              {d.history}
            </Title>
            <Stack gap={4}>
              {r.events.map((e, i) => (
                <Text key={i} size="sm">
                  {formatDateTime(e.at)} · <strong>{s.status[e.status] ?? e.status}</strong>
                  {e.note ? ` · ${e.note}` : ''}
                  {e.actor ? ` · ${e.actor}` : ''}
                </Text>
              ))}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
