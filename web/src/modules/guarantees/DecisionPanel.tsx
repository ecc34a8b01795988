import { Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardList, IconCircleX } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import { DateField } from '../../shared/ui/DateField';
import { useConfirm } from '../../shared/ui/useConfirm';
import { s } from './strings';
import type { SjpDetail } from '@server/modules/guarantees/schemas';

const d = s.detail;
type Choice = 'approve' | 'complete' | 'reject';

/** Validity by default: from the admission date, 30 days inclusive (rules/status.ts DEFAULT_VALIDITY_DAYS). */
function defaultValidTo(admissionDate: string): string {
  const t = new Date(`${admissionDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 29);
  return t.toISOString().slice(0, 10);
}

/**
 * The SJP officer's three separate decisions on a submitted request: approve
 * (issues a numbered letter: confirmed first, naming the patient and the
 * hospital), ask for completion, or reject (confirmed first). A request
 * waiting for completion can only be rejected.
 */
export function DecisionPanel({
  r,
  busy,
  act,
}: {
  r: SjpDetail;
  busy: boolean;
  act: (path: string, body?: unknown) => Promise<boolean>;
}) {
  const submitted = r.status === 'SUBMITTED';
  const [choice, setChoice] = useState<Choice>(submitted ? 'approve' : 'reject');
  const [validTo, setValidTo] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [rejectCode, setRejectCode] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const until = validTo ?? defaultValidTo(r.admissionDate);

  const approve = () =>
    confirm({
      title: d.confirmApproveTitle,
      body: d.confirmApprove(r.patientName, r.facilityName, formatDate(r.admissionDate), formatDate(until)),
      confirmLabel: d.approve,
      onConfirm: async () => void (await act('approve', { validTo: validTo || null })),
    });
  const reject = () =>
    confirm({
      title: d.confirmRejectTitle,
      body: d.confirmReject(r.patientName, r.facilityName, s.reject[rejectCode ?? ''] ?? ''),
      confirmLabel: d.reject,
      danger: true,
      onConfirm: async () => void (await act('reject', { code: rejectCode, note: note || null })),
    });

  const choices = [
    ...(submitted
      ? [
          { value: 'approve', label: d.choiceApprove },
          { value: 'complete', label: d.choiceComplete },
        ]
      : []),
    { value: 'reject', label: d.choiceReject },
  ];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sjp-decide" data-testid="sjp-decide">
      {dialog}
      <Title order={2} id="sjp-decide" mb="sm">
        {d.decision}
      </Title>
      <SegmentedControl
        value={choice}
        onChange={(v) => setChoice(v as Choice)}
        data={choices}
        mb="md"
        data-testid="sjp-decision-choice"
      />
      {choice === 'approve' && (
        <Stack gap="sm">
          <Text size="sm">{d.approveHelp}</Text>
          <Group align="end">
            <DateField
              label={d.validTo}
              description={d.validToDefault(formatDate(defaultValidTo(r.admissionDate)))}
              value={validTo}
              onChange={setValidTo}
              minDate={r.admissionDate}
              clearable
              w={300}
              data-testid="sjp-valid-to"
            />
            <Button
              onClick={approve}
              loading={busy}
              leftSection={<IconCircleCheck size={18} aria-hidden />}
              data-testid="sjp-approve"
            >
              {d.approve}
            </Button>
          </Group>
        </Stack>
      )}
      {choice === 'complete' && (
        <Stack gap="sm">
          <Checkbox.Group label={d.askWhat} value={missing} onChange={setMissing}>
            <Group mt={6}>
              {r.checklist.map((c) => (
                <Checkbox key={c.code} value={c.code} label={c.label} data-testid={`sjp-missing-${c.code}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={d.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            minRows={2}
            maxLength={500}
          />
          <Group>
            <Button
              color="orange"
              onClick={() => void act('request-completion', { missing, note: note || null })}
              loading={busy}
              disabled={missing.length === 0 && !note.trim()}
              leftSection={<IconClipboardList size={18} aria-hidden />}
              data-testid="sjp-ask-completion"
            >
              {d.askCompletion}
            </Button>
          </Group>
        </Stack>
      )}
      {choice === 'reject' && (
        <Stack gap="sm">
          <Select
            label={d.rejectCode}
            placeholder={d.rejectPick}
            value={rejectCode}
            onChange={setRejectCode}
            data={Object.entries(s.reject).map(([value, label]) => ({ value, label }))}
            w={420}
            data-testid="sjp-reject-code"
          />
          <Textarea
            label={d.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            minRows={2}
            maxLength={500}
          />
          <Group>
            <Button
              color="red"
              disabled={!rejectCode || (rejectCode === 'OTHER' && note.trim().length < 5)}
              onClick={reject}
              loading={busy}
              leftSection={<IconCircleX size={18} aria-hidden />}
              data-testid="sjp-reject"
            >
              {d.reject}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
