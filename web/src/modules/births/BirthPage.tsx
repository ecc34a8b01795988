import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileText, IconHistory } from '@tabler/icons-react';
import { useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, formatKk, formatNik } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useConfirm } from '../../shared/ui/useConfirm';
import { SEVERITY_COLOR } from '../membership/EligibilityResult';
import { s } from './strings';
import type { BirthDetail } from '@server/modules/births/schemas';

const d = s.detail;

export default function BirthPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const { data: b, error, reload } = useApi<BirthDetail>(`/api/v1/births/${encodeURIComponent(id)}`);
  const { confirm, dialog } = useConfirm();
  // The dialog's body is rendered once; the reason typed into it is read when confirmed.
  const reason = useRef('');

  const cancel = () =>
    confirm({
      title: d.cancelTitle,
      danger: true,
      confirmLabel: d.cancel,
      body: (
        <Stack gap="sm">
          <Text size="sm">{d.cancelBody}</Text>
          <Textarea
            label={d.cancelReason}
            onChange={(e) => (reason.current = e.currentTarget.value)}
            minRows={2}
            data-testid="birth-cancel-reason"
          />
        </Stack>
      ),
      onConfirm: async () => {
        try {
          await api(`/api/v1/births/${id}/cancel`, { method: 'POST', body: { reason: reason.current } });
          notifications.show({ color: 'dinkes', message: d.cancelled });
        } catch (err) {
          notifications.show({ color: 'red', message: (err as Error).message });
        }
        reload();
      },
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.births} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {d.back}
      </Anchor>
      <PageHeader
        title={b ? b.childName : s.list.title}
        description={b ? `${b.regNumber} · ${s.status[b.status]}` : undefined}
        actions={
          b ? (
            <Group>
              <Button
                component="a"
                href={`/api/v1/documents/${b.documentId}`}
                target="_blank"
                rel="noopener"
                variant="default"
                leftSection={<IconFileText size={18} aria-hidden />}
              >
                {d.openDocument}
              </Button>
              {b.childNik && can('membership.history') && (
                <Button
                  component={Link}
                  to={`${paths.person(b.childNik)}#riwayat`}
                  variant="default"
                  leftSection={<IconHistory size={18} aria-hidden />}
                >
                  {d.timeline}
                </Button>
              )}
              {b.status === 'ACTIVE' && can('birth.record') && (
                <Button color="red" variant="light" onClick={cancel} data-testid="birth-cancel">
                  {d.cancel}
                </Button>
              )}
            </Group>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {b && (
        <>
          <Paper withBorder p="lg" component="section" aria-labelledby="birth-coverage">
            <Group justify="space-between" mb="sm">
              <Title order={2} id="birth-coverage">
                {d.coverage}
              </Title>
              <Badge size="lg" color={b.coverage.eligible ? 'dinkes' : 'red'} data-testid="birth-coverage">
                {b.coverage.eligible ? d.covered : d.notCovered}
              </Badge>
            </Group>
            {b.coverage.basis && <Text fw={600}>{label(t.basis, b.coverage.basis)}</Text>}
            <Stack gap={4} mt="xs">
              {b.coverage.reasons.map((r) => (
                <Text key={r.code} size="sm" c={SEVERITY_COLOR[r.severity]}>
                  {r.message}
                </Text>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <FieldGrid>
              <Field label={s.form.childNik}>
                {b.childNik ? <span className="mono">{formatNik(b.childNik)}</span> : null}
              </Field>
              <Field label={s.form.sex}>{t.sex[b.sex] ?? b.sex}</Field>
              <Field label={s.form.birthDate}>{formatDate(b.birthDate)}</Field>
              <Field label={s.form.birthPlace}>{b.birthPlace}</Field>
              <Field label={s.form.motherNik}>
                {b.motherNik ? <span className="mono">{formatNik(b.motherNik)}</span> : null}
              </Field>
              <Field label={s.form.fatherNik}>
                {b.fatherNik ? <span className="mono">{formatNik(b.fatherNik)}</span> : null}
              </Field>
              <Field label="Nomor KK">
                <span className="mono">{formatKk(b.noKk)}</span>
              </Field>
              <Field label={s.form.documentKind}>{s.doc[b.documentKind]}</Field>
              <Field label={s.form.documentNumber}>{b.documentNumber}</Field>
              <Field label={s.col.facility}>{b.facilityName ?? s.office}</Field>
              <Field label="Dicatat">{`${formatDateTime(b.recordedAt)}${b.recordedBy ? ` · ${b.recordedBy}` : ''}`}</Field>
              <Field label={d.cancelReason}>{b.cancelReason}</Field>
            </FieldGrid>
          </Paper>
        </>
      )}
      {dialog}
    </Stack>
  );
}
