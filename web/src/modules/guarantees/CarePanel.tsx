import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime, formatNumber, todayJakarta } from '../../shared/format';
import { DateField } from '../../shared/ui/DateField';
import { DateTimeField } from '../../shared/ui/DateTimeField';
import { s } from './strings';
import type { SjpDetail } from '@server/modules/guarantees/schemas';
import { uploadDocument } from './upload';

const c = s.stay;
const ACCEPT = 'application/pdf,image/jpeg,image/png';

/** The document's id once uploaded (the hospital's own; the server checks its type from the content), or null. */
const uploaded = async (file: File | null) => (file ? uploadDocument(file) : null);

function DocumentLink({ id }: { id: number | null }) {
  if (id === null) return null;
  return (
    <Anchor href={`/api/v1/documents/${id}`} target="_blank" rel="noopener" size="sm" ml="xs">
      {c.document}
    </Anchor>
  );
}

/** SJP-5 incidental approvals, SJP-6 deposits and SJP-7 above-class placement of one stay. */
export function CarePanel({
  r,
  busy,
  act,
  filer,
}: {
  r: SjpDetail;
  busy: boolean;
  act: (path: string, body?: unknown | (() => Promise<unknown>)) => Promise<boolean>;
  /** The user records for the hospital's side of this request (the hospital desk, or the office for its own request). */
  filer: boolean;
}) {
  const { can } = useSession();
  const [kind, setKind] = useState<string | null>('MEDICAL_ACTION');
  const [unit, setUnit] = useState<string | null>('ICU');
  const [description, setDescription] = useState('');
  const [plannedOn, setPlannedOn] = useState(todayJakarta());
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [paidOn, setPaidOn] = useState(todayJakarta());
  const [actionDoc, setActionDoc] = useState<File | null>(null);
  const [receipt, setReceipt] = useState<File | null>(null);
  const [placedClass, setPlacedClass] = useState<string | null>('II');
  const [since, setSince] = useState('');
  const request = filer;
  // Each stay form is a <form>: Enter in a field submits it, as everywhere else in the app.
  const onSubmit = (fn: () => unknown) => (e: FormEvent) => {
    e.preventDefault();
    void fn();
  };
  const askAction = async () => {
    if (description.trim().length < 3) return;
    if (
      await act('actions', async () => ({ kind, unit, description, plannedOn, documentId: await uploaded(actionDoc) }))
    ) {
      setDescription('');
      setActionDoc(null);
    }
  };
  const addDeposit = async () => {
    if (!amount) return;
    if (await act('deposits', async () => ({ amount: Number(amount), paidOn, documentId: await uploaded(receipt) }))) {
      setAmount('');
      setReceipt(null);
    }
  };
  const decide = can('sjp.decide');
  // The forms follow the server's rules (rules/incidental.ts): deposits and placement while the stay's guarantee runs,
  // incidental approvals once the request is with the office. A closed request shows only what was recorded.
  const open = ['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED'].includes(r.status);
  const actionsOpen = ['SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED'].includes(r.status);
  const recorded = r.actions.length > 0 || r.deposits.length > 0 || r.placedClass !== null || r.costCutoffAt !== null;
  if (r.careType === 'OUTPATIENT') return null;
  if (!recorded && !(request && open)) return null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sjp-care">
      <Title order={2} id="sjp-care" mb="sm">
        {c.title}
      </Title>
      <Stack gap="md">
        {r.costCutoffAt && <Text size="sm">{c.cutoff(formatDateTime(r.costCutoffAt))}</Text>}
        <div>
          <Title order={3} size="h5" mb="xs">
            {c.placement}
          </Title>
          {r.placedClass ? (
            <Text size="sm" data-testid="sjp-placement">
              {c.placed(r.placedClass, formatDateTime(r.placedSince))}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {c.placementHelp}
            </Text>
          )}
          {request && open && (
            <Group
              component="form"
              onSubmit={onSubmit(() => act('placement', { placedClass, since: `${since}:00+07:00` }))}
              align="end"
              mt="xs"
            >
              <Select
                label={c.placedClass}
                value={placedClass}
                onChange={setPlacedClass}
                data={['II', 'I', 'VIP']}
                w={140}
                allowDeselect={false}
              />
              <DateTimeField label={c.since} value={since} onChange={setSince} w={220} />
              <Button type="submit" variant="default" disabled={!since} loading={busy}>
                {c.recordPlacement}
              </Button>
            </Group>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {c.actions}
          </Title>
          {r.actions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {c.none}
            </Text>
          ) : (
            <Table>
              <Table.Tbody>
                {r.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {c.actionKind[a.kind]} · {a.unit}
                    </Table.Td>
                    <Table.Td>
                      {a.description}
                      <DocumentLink id={a.documentId} />
                    </Table.Td>
                    <Table.Td>
                      {formatDate(a.plannedOn)}
                      {a.handledOn !== a.plannedOn ? ` (${c.handledOn} ${formatDate(a.handledOn)})` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={a.status === 'APPROVED' ? 'dinkes' : a.status === 'REJECTED' ? 'red' : 'orange'}
                      >
                        {c.actionStatus[a.status]}
                      </Badge>
                      {a.decisionNote ? ` ${a.decisionNote}` : ''}
                    </Table.Td>
                    <Table.Td>
                      {decide && a.status === 'REQUESTED' && (
                        <Group gap="xs">
                          <Button
                            size="xs"
                            loading={busy}
                            onClick={() => act(`actions/${a.id}/decide`, { approve: true, note: note || null })}
                          >
                            {c.approve}
                          </Button>
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            loading={busy}
                            onClick={() => act(`actions/${a.id}/decide`, { approve: false, note: note || null })}
                          >
                            {c.reject}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {decide && r.actions.some((a) => a.status === 'REQUESTED') && (
            <TextInput label={c.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} mt="xs" />
          )}
          {request && actionsOpen && (
            <Group component="form" onSubmit={onSubmit(askAction)} align="end" mt="xs" wrap="wrap">
              <Select
                label="Jenis"
                value={kind}
                onChange={setKind}
                data={Object.entries(c.actionKind).map(([value, label]) => ({ value, label }))}
                w={170}
                allowDeselect={false}
              />
              <Select label={c.unit} value={unit} onChange={setUnit} data={c.units} w={150} allowDeselect={false} />
              <TextInput
                label={c.description}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                style={{ flex: 1, minWidth: 200 }}
              />
              <DateField label={c.plannedOn} value={plannedOn} onChange={(v) => setPlannedOn(v ?? '')} w={170} />
              <FileInput
                label={c.actionDocument}
                accept={ACCEPT}
                value={actionDoc}
                onChange={setActionDoc}
                clearable
                w={260}
                data-testid="sjp-action-document"
              />
              <Button
                variant="default"
                loading={busy}
                disabled={description.trim().length < 3}
                data-testid="sjp-action-ask"
                type="submit"
              >
                {c.ask}
              </Button>
            </Group>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {c.deposits}
          </Title>
          {r.deposits.length === 0 ? (
            <Text size="sm" c="dimmed">
              {c.none}
            </Text>
          ) : (
            r.deposits.map((d) => (
              <Text key={d.id} size="sm">
                Rp {formatNumber(d.amount)} · {formatDate(d.paidOn)}
                {d.note ? ` · ${d.note}` : ''}
                <DocumentLink id={d.documentId} />
              </Text>
            ))
          )}
          {request && open && (
            <Group component="form" onSubmit={onSubmit(addDeposit)} align="end" mt="xs">
              <NumberInput
                label={c.amount}
                value={amount}
                onChange={setAmount}
                min={1}
                thousandSeparator="."
                decimalSeparator=","
                w={200}
              />
              <DateField
                label={c.paidOn}
                value={paidOn}
                onChange={(v) => setPaidOn(v ?? '')}
                maxDate={todayJakarta()}
                w={170}
              />
              <FileInput
                label={c.receipt}
                accept={ACCEPT}
                value={receipt}
                onChange={setReceipt}
                clearable
                w={260}
                data-testid="sjp-deposit-receipt"
              />
              <Button variant="default" loading={busy} disabled={!amount} data-testid="sjp-deposit-add" type="submit">
                {c.addDeposit}
              </Button>
            </Group>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
