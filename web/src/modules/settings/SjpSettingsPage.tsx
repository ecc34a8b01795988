import type { SjpSettings } from '@server/modules/guarantees/schemas';
import type { LatePolicy } from '@server/modules/guarantees/labels';
import { Badge, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, todayJakarta, tomorrowJakarta } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { useSubmit } from '../../shared/useSubmit';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { FormSection } from '../../shared/ui/FormSection';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useConfirm } from '../../shared/ui/useConfirm';
import { LATE_POLICY, latePolicyText, s } from './sjp-strings';

type Answer = SjpSettings;
type SettingRow = SjpSettings['items'][number];
type Policy = LatePolicy;

function PolicyBadge({ policy }: { policy: Policy }) {
  return (
    <Badge color={policy === 'REFUSE' ? 'red' : 'dinkes'} variant="light" style={{ textTransform: 'none' }}>
      {LATE_POLICY[policy]}
    </Badge>
  );
}

/** The administrator schedules a change of the late policy, after a confirmation that says what it does. */
function ScheduleLatePolicy({ current, onDone }: { current: Policy; onDone: () => void }) {
  const [from, setFrom] = useState<string | null>(null);
  const [policy, setPolicy] = useState<Policy>(current === 'ACCEPT' ? 'REFUSE' : 'ACCEPT');
  const [note, setNote] = useState('');
  const { confirm, dialog } = useConfirm();
  const [saveError, setSaveError] = useState<unknown>(null);
  const { busy, error, submit } = useSubmit(async () => {
    if (!from) return;
    setSaveError(null);
    confirm({
      title: s.confirmTitle,
      body: s.confirmBody(LATE_POLICY[policy], formatDate(from)),
      confirmLabel: s.submit,
      danger: policy === 'REFUSE',
      onConfirm: async () => {
        try {
          await api('/api/v1/sjp/settings', {
            method: 'POST',
            body: { effectiveFrom: from, latePolicy: policy, note: note.trim() },
          });
        } catch (err) {
          // Shown beside the form, where the administrator can correct it (e.g. a date already taken).
          setSaveError(err);
          return;
        }
        notifications.show({ color: 'dinkes', message: s.scheduled(formatDate(from)) });
        setFrom(null);
        setNote('');
        onDone();
      },
    });
  });
  return (
    <FormSection id="schedule-late-policy" title={s.scheduleTitle} help={s.scheduleHelp} helpColor="gray.7">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <DateField
            label={s.from}
            value={from}
            onChange={setFrom}
            minDate={tomorrowJakarta()}
            required
            data-testid="late-policy-from"
            maw={280}
          />
          <Radio.Group label={s.policy} value={policy} onChange={(v) => setPolicy(v as Policy)} required>
            <Stack gap="xs" mt={6}>
              {(['ACCEPT', 'REFUSE'] as const).map((p) => (
                <Radio
                  key={p}
                  value={p}
                  label={LATE_POLICY[p]}
                  description={latePolicyText[p]}
                  data-testid={`late-policy-${p}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={s.note}
            placeholder={s.notePlaceholder}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required
            minRows={2}
            maxLength={500}
          />
          <ErrorAlert error={error ?? saveError} />
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={!from || note.trim().length < 5}
              data-testid="late-policy-submit"
            >
              {s.submit}
            </Button>
          </Group>
        </Stack>
      </form>
      {dialog}
    </FormSection>
  );
}

export default function SjpSettingsPage() {
  const { data, error, loading, reload } = useApi<Answer>('/api/v1/sjp/settings');
  const { can } = useSession();
  const manage = can('settings.manage');
  const today = todayJakarta();
  const scheduled = (data?.items ?? []).filter((r) => r.effectiveFrom > today);
  const columns: Column<SettingRow>[] = [
    { key: 'from', header: s.from, cell: (r) => <span className="nowrap">{formatDate(r.effectiveFrom)}</span> },
    { key: 'policy', header: s.policy, cell: (r) => <PolicyBadge policy={r.latePolicy} /> },
    { key: 'note', header: s.note, cell: (r) => r.note },
    {
      key: 'state',
      header: s.state,
      cell: (r) =>
        r.effectiveFrom > today
          ? s.stateScheduled
          : r.effectiveFrom === data?.current.effectiveFrom
            ? s.stateCurrent
            : s.statePast,
    },
    { key: 'at', header: s.createdAt, cell: (r) => <span className="nowrap">{formatDateTime(r.createdAt)}</span> },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={s.title} description={s.description} />
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <FormSection id="late-policy-current" title={s.current}>
          <FieldGrid min={260}>
            <Field label={s.policy}>
              <Stack gap={4} data-testid="late-policy-current">
                <PolicyBadge policy={data.current.policy} />
                <Text size="sm">{latePolicyText[data.current.policy]}</Text>
              </Stack>
            </Field>
            <Field label={s.since}>
              {data.current.effectiveFrom ? formatDate(data.current.effectiveFrom) : s.sinceDefault}
            </Field>
            {scheduled.length > 0 && (
              <Field label={s.next}>
                {formatDate(scheduled[0]!.effectiveFrom)}: {LATE_POLICY[scheduled[0]!.latePolicy]}
              </Field>
            )}
          </FieldGrid>
        </FormSection>
      )}
      {manage && data && <ScheduleLatePolicy current={data.current.policy} onDone={reload} />}
      <section aria-labelledby="late-policy-history">
        <Title order={2} id="late-policy-history" mb="sm">
          {s.history}
        </Title>
        <DataTable
          caption={s.caption}
          columns={columns}
          rows={data ? [...data.items].reverse() : undefined}
          rowKey={(r) => r.id}
          loading={loading}
          empty={s.empty}
          minWidth={760}
          testId="late-policy-history"
        />
      </section>
      {!manage && (
        <Text size="sm" c="gray.7">
          {s.readOnly}
        </Text>
      )}
    </Stack>
  );
}
