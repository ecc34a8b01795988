import type { Timeline as TimelineAnswer } from '@server/modules/membership/schemas';
import { CHANGE_SOURCE_LABEL, TIMELINE_CATEGORY_LABEL } from '@server/modules/membership/labels';
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { formatDate, formatDateTime, todayJakarta } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DateField } from '../../shared/ui/DateField';
import type { DialogProps } from '../../shared/ui/DialogActions';
import { ReasonField, reasonOk } from '../../shared/ui/ReasonField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';

type TimelineData = TimelineAnswer;

const s = {
  title: 'Riwayat kepesertaan',
  coverage: 'Dasar kepesertaan dari waktu ke waktu',
  coverageCaption: 'Periode dijamin dan tidak dijamin',
  from: 'Mulai',
  until: 'Sampai',
  status: 'Status',
  basis: 'Dasar atau alasan · aturan',
  now: 'sekarang',
  covered: 'Dijamin',
  notCovered: 'Tidak dijamin',
  events: 'Peristiwa',
  record: 'Catat perubahan',
  dialog: {
    title: 'Catat perubahan kepesertaan',
    kind: 'Jenis perubahan',
    kinds: [
      { value: 'DEATH', label: 'Meninggal dunia' },
      { value: 'MOVE_OUT', label: 'Pindah ke luar daerah' },
      { value: 'WITHDRAW_DEATH', label: 'Batalkan catatan kematian yang keliru' },
      { value: 'WITHDRAW_MOVE_OUT', label: 'Batalkan catatan kepindahan yang keliru' },
    ],
    date: 'Tanggal berlaku',
    reason: 'Alasan dan dasar (misalnya nomor surat keterangan kematian)',
    help: 'Perubahan berlaku sejak tanggalnya: pemeriksaan kepesertaan untuk tanggal itu dan sesudahnya langsung mengikuti.',
    submit: 'Simpan perubahan',
    saved: 'Perubahan dicatat.',
  },
};

const COLOR: Record<string, string> = {
  REGISTRY: 'gray',
  BIRTH: 'pink',
  JKN: 'blue',
  DTKS: 'grape',
  RECOMMENDATION: 'orange',
  CARD: 'teal',
  CHANGE: 'dinkes',
};

function ChangeDialog({ nik, opened, onClose, onSaved }: DialogProps & { nik: string }) {
  const [kind, setKind] = useState<string | null>('DEATH');
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    if (!kind || !date) return;
    const body = kind.startsWith('WITHDRAW_')
      ? { kind: 'CORRECTION', withdraws: kind.slice('WITHDRAW_'.length), effectiveDate: date, reason }
      : { kind, effectiveDate: date, reason };
    await api(`/api/v1/persons/${nik}/changes`, { method: 'POST', body });
    notifications.show({ color: 'dinkes', message: s.dialog.saved });
    setReason('');
    onSaved();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={s.dialog.title} centered size="lg">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {s.dialog.help}
          </Text>
          <Select
            label={s.dialog.kind}
            data={s.dialog.kinds}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            data-testid="change-kind"
          />
          <DateField
            label={s.dialog.date}
            value={date}
            onChange={setDate}
            maxDate={todayJakarta()}
            required
            data-testid="change-date"
          />
          <ReasonField
            label={s.dialog.reason}
            value={reason}
            onChange={setReason}
            minRows={2}
            data-testid="change-reason"
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!date || !reasonOk(reason)} data-testid="change-submit">
              {s.dialog.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A person's membership history (MEM-6): coverage periods and every dated event, with the form to record a change. */
export function TimelinePanel({ nik, onChanged }: { nik: string; onChanged?: () => void }) {
  const { can } = useSession();
  const { data, error, reload } = useApi<TimelineData>(`/api/v1/persons/${nik}/timeline`);
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="timeline-title" id="riwayat">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} id="timeline-title">
          {s.title}
        </Title>
        {can('membership.change') && (
          <Button
            variant="light"
            leftSection={<IconEdit size={16} aria-hidden />}
            onClick={() => setOpen(true)}
            data-testid="change-open"
          >
            {s.record}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <Stack gap="lg">
          <div>
            <Title order={3} size="h5" mb="xs">
              {s.coverage}
            </Title>
            <Table.ScrollContainer minWidth={520} type="native">
              <Table data-testid="coverage-periods">
                <VisuallyHidden component="caption">{s.coverageCaption}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{s.from}</Table.Th>
                    <Table.Th scope="col">{s.until}</Table.Th>
                    <Table.Th scope="col">{s.status}</Table.Th>
                    <Table.Th scope="col">{s.basis}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.coverage.map((p) => (
                    <Table.Tr key={p.date}>
                      <Table.Td>{formatDate(p.date)}</Table.Td>
                      <Table.Td>{p.until ? formatDate(p.until) : s.now}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={p.eligible ? 'dinkes' : 'red'}>
                          {p.eligible ? s.covered : s.notCovered}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {[p.basis ? label(t.basis, p.basis) : p.reason, p.rule].filter(Boolean).join(' · ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
          <div>
            <Title order={3} size="h5" mb="xs">
              {s.events}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} data-testid="timeline-events">
              {[...data.events].reverse().map((e, i) => (
                <Timeline.Item
                  key={`${e.date}-${e.kind}-${i}`}
                  color={COLOR[e.category]}
                  title={
                    <Text fw={600} size="sm">
                      {e.title}
                    </Text>
                  }
                >
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {formatDate(e.date)}
                    </Text>
                    <Badge size="xs" variant="light" color={COLOR[e.category]}>
                      {TIMELINE_CATEGORY_LABEL[e.category]}
                    </Badge>
                    {e.source && (
                      <Text size="xs" c="dimmed">
                        {CHANGE_SOURCE_LABEL[e.source]}
                        {e.recordedBy ? ` · ${e.recordedBy}` : ''}
                        {e.recordedAt ? ` · ${formatDateTime(e.recordedAt)}` : ''}
                      </Text>
                    )}
                  </Group>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        </Stack>
      )}
      <ChangeDialog
        nik={nik}
        opened={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          reload();
          onChanged?.();
        }}
      />
    </Paper>
  );
}
