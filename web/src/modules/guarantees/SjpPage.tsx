import { Anchor, Badge, Button, Checkbox, FileInput, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileText, IconFileUpload } from '@tabler/icons-react';
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
import { SjpStatusBadge } from './StatusBadge';
import { s } from './strings';
import type { SjpDetail } from './types';
import { uploadDocument } from './upload';

const d = s.detail;

/** One request: details, checklist with uploads, the clock, the officer's decision and the letter. */
export default function SjpPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const { data: r, error, reload } = useApi<SjpDetail>(`/api/v1/sjp/${encodeURIComponent(id)}`);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [validTo, setValidTo] = useState('');
  const [rejectCode, setRejectCode] = useState<string | null>(null);
  const [cancelReason, setCancelReason] = useState('');

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

  const uploadMissing = async () => {
    setBusy(true);
    setActionError(null);
    try {
      const documents = [];
      for (const [requirement, file] of Object.entries(files)) if (file) documents.push({ requirement, documentId: await uploadDocument(file) });
      setBusy(false);
      await act('documents', { documents });
    } catch (err) {
      setActionError(err);
      setBusy(false);
    }
  };

  const canEdit = r && can('sjp.request') && (r.status === 'DRAFT' || r.status === 'NEEDS_COMPLETION');
  const canDecide = r && can('sjp.decide');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.sjpList} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {d.back}
      </Anchor>
      <PageHeader
        title={r ? `${s.care[r.careType]} · ${r.patientName}` : s.list.title}
        description={r ? <Group gap="xs"><SjpStatusBadge status={r.status} />{r.number && <Text span className="mono" data-testid="sjp-number">{r.number}</Text>}</Group> : undefined}
        actions={
          r?.letterUrl ? (
            <Button component="a" href={r.letterUrl} target="_blank" rel="noopener" leftSection={<IconFileText size={18} aria-hidden />} data-testid="sjp-letter">
              {d.letter}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          {r.status === 'NEEDS_COMPLETION' && (
            <Paper withBorder p="md" bg="orange.0" data-testid="sjp-completion-asked">
              <Text fw={600}>{d.completionAsked}</Text>
              <Text size="sm">{[r.missing.map((m) => s.requirement[m] ?? m).join(', '), r.completionNote].filter(Boolean).join('. ')}</Text>
            </Paper>
          )}
          {r.status === 'REJECTED' && (
            <Paper withBorder p="md" bg="red.0">
              <Text fw={600}>{d.rejected}: {r.rejectLabel}</Text>
              {r.rejectNote && <Text size="sm">{r.rejectNote}</Text>}
            </Paper>
          )}
          <Paper withBorder p="lg">
            <FieldGrid>
              <Field label={d.trackingCode}><span className="mono" data-testid="sjp-tracking-code">{r.trackingCode}</span></Field>
              <Field label={s.form.nik}>{r.nik ? <span className="mono">{formatNik(r.nik)}</span> : '—'}</Field>
              <Field label={s.col.facility}>{`${r.facilityName} (${r.facilityCode})`}</Field>
              <Field label="Dasar">{s.basis[r.basis] ?? r.basis}</Field>
              <Field label={s.col.admitted}>{formatDateTime(r.admittedAt)}</Field>
              <Field label="Diagnosis">{`${r.diagnosisCode}${r.diagnosisText ? ` — ${r.diagnosisText}` : ''}`}</Field>
              <Field label="Kelas">{`Kelas ${r.careClass}`}</Field>
              <Field label={d.due}>{`${formatDateTime(r.dueAt)}${['DRAFT', 'NEEDS_COMPLETION'].includes(r.status) ? ` (${d.hoursLeft(r.hoursLeft)})` : ''}`}</Field>
              <Field label={d.lateHours}>{r.lateHours === null ? '—' : r.lateHours > 0 ? d.hours(r.lateHours) : d.onTime}</Field>
              {r.validFrom && <Field label={d.validity}>{`${formatDate(r.validFrom)} s.d. ${formatDate(r.validTo)}`}</Field>}
            </FieldGrid>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="sjp-checklist">
            <Title order={2} id="sjp-checklist" mb="sm">
              {d.checklist}
            </Title>
            <Table data-testid="sjp-checklist-table">
              <Table.Tbody>
                {r.checklist.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>
                      <Badge color={c.present ? 'dinkes' : 'orange'} variant="light" data-testid={`sjp-check-${c.code}`} data-present={c.present}>
                        {c.present ? d.present : d.missing}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.documents.filter((x) => x.requirement === c.code).map((x) => (
                        <Anchor key={x.documentId} href={`/api/v1/documents/${x.documentId}`} target="_blank" rel="noopener" size="sm" mr="xs">
                          {x.fileName}
                        </Anchor>
                      ))}
                      {canEdit && (
                        <FileInput
                          aria-label={`${d.upload} ${c.label}`}
                          placeholder={d.upload}
                          size="xs"
                          value={files[c.code] ?? null}
                          onChange={(file) => setFiles((f) => ({ ...f, [c.code]: file }))}
                          accept="application/pdf,image/jpeg,image/png"
                          leftSection={<IconFileUpload size={14} aria-hidden />}
                          clearable
                          data-testid={`sjp-upload-${c.code}`}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {canEdit && (
              <Group mt="md">
                <Button variant="default" onClick={uploadMissing} loading={busy} disabled={!Object.values(files).some(Boolean)} data-testid="sjp-attach">
                  {d.upload}
                </Button>
                <Button onClick={() => act('submit')} loading={busy} data-testid="sjp-submit">
                  {r.status === 'NEEDS_COMPLETION' ? d.resubmit : d.submit}
                </Button>
              </Group>
            )}
          </Paper>
          <ErrorAlert error={actionError} />
          {canDecide && r.status === 'SUBMITTED' && (
            <Paper withBorder p="lg" component="section" aria-labelledby="sjp-decide">
              <Title order={2} id="sjp-decide" mb="sm">
                Keputusan
              </Title>
              <Stack gap="md">
                <Group align="end">
                  <TextInput type="date" label={d.validTo} value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} />
                  <Button onClick={() => act('approve', { validTo: validTo || null })} loading={busy} data-testid="sjp-approve">
                    {d.approve}
                  </Button>
                </Group>
                <Checkbox.Group label={d.askWhat} value={missing} onChange={setMissing}>
                  <Group mt={6}>
                    {r.checklist.map((c) => (
                      <Checkbox key={c.code} value={c.code} label={c.label} data-testid={`sjp-missing-${c.code}`} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <Textarea label={d.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} minRows={2} />
                <Group>
                  <Button variant="light" color="orange" onClick={() => act('request-completion', { missing, note: note || null })} loading={busy} data-testid="sjp-ask-completion">
                    {d.askCompletion}
                  </Button>
                  <Select
                    aria-label={d.rejectCode}
                    placeholder={d.rejectCode}
                    value={rejectCode}
                    onChange={setRejectCode}
                    data={Object.entries(s.reject).map(([value, label]) => ({ value, label }))}
                    w={360}
                  />
                  <Button color="red" variant="light" disabled={!rejectCode} onClick={() => act('reject', { code: rejectCode, note: note || null })} loading={busy} data-testid="sjp-reject">
                    {d.reject}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
          {can('sjp.request') && ['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION'].includes(r.status) && (
            <Group align="end">
              <TextInput label={d.cancelReason} value={cancelReason} onChange={(e) => setCancelReason(e.currentTarget.value)} w={360} />
              <Button color="red" variant="subtle" disabled={cancelReason.trim().length < 5} onClick={() => act('cancel', { reason: cancelReason })} loading={busy}>
                {d.cancel}
              </Button>
            </Group>
          )}
          <CarePanel r={r} busy={busy} act={act} />
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
