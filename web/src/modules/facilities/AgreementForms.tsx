import { Alert, Button, Checkbox, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { todayJakarta } from '../../shared/format';
import { DateField } from '../../shared/ui/DateField';
import type { DialogProps } from '../../shared/ui/DialogActions';
import { DocumentFileInput } from '../../shared/ui/DocumentFileInput';
import { FormDialog } from '../../shared/ui/FormDialog';
import { s } from './strings';
import type { Agreement } from '@server/modules/facilities/schemas';
import { uploadFacilityDocument } from './upload';

/** FAC-2: a new agreement with its signed document. */
export function AgreementDialog({ code, opened, onClose, onSaved }: DialogProps & { code: string }) {
  const f = s.agreementForm;
  const [number, setNumber] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(todayJakarta());
  const [validTo, setValidTo] = useState<string | null>(null);
  const [services, setServices] = useState<string[]>(['RAWAT_JALAN', 'RAWAT_INAP', 'GAWAT_DARURAT']);
  const [file, setFile] = useState<File | null>(null);

  const { busy, error, submit } = useSubmit(async () => {
    if (!file || !validFrom || !validTo) return;
    const documentId = await uploadFacilityDocument(file);
    const a = await api<Agreement>(`/api/v1/facilities/${code}/agreements`, {
      method: 'POST',
      body: { number, validFrom, validTo, services, documentId },
    });
    notifications.show({ color: 'dinkes', message: f.saved(a.number) });
    setNumber('');
    setFile(null);
    onSaved();
  });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={f.title}
      size="lg"
      onSubmit={submit}
      error={error}
      confirm={
        <Button
          type="submit"
          loading={busy}
          disabled={!file || !validFrom || !validTo || services.length === 0}
          data-testid="pks-save"
        >
          {f.save}
        </Button>
      }
    >
      <TextInput
        label={f.number}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        required
        data-testid="pks-number"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={f.validFrom} value={validFrom} onChange={setValidFrom} required data-testid="pks-from" />
        <DateField label={f.validTo} value={validTo} onChange={setValidTo} required data-testid="pks-to" />
      </SimpleGrid>
      <Checkbox.Group label={f.services} value={services} onChange={setServices} required>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
          {Object.entries(s.service).map(([value, label]) => (
            <Checkbox key={value} value={value} label={label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <DocumentFileInput label={f.file} value={file} onChange={setFile} required data-testid="pks-file" />
    </FormDialog>
  );
}

/** FAC-2: terminate from a date with a reason. */
export function TerminateDialog({
  agreement,
  onClose,
  onSaved,
}: {
  agreement: Agreement | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const f = s.terminateForm;
  const [on, setOn] = useState<string | null>(todayJakarta());
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    if (!agreement || !on) return;
    await api(`/api/v1/facilities/agreements/${agreement.id}/terminate`, {
      method: 'POST',
      body: { terminatedOn: on, reason },
    });
    notifications.show({ color: 'dinkes', message: f.saved });
    setReason('');
    onSaved();
  });
  return (
    <FormDialog
      opened={!!agreement}
      onClose={onClose}
      title={`${f.title} ${agreement?.number ?? ''}`}
      onSubmit={submit}
      error={error}
      confirm={
        <Button type="submit" color="red" loading={busy}>
          {f.save}
        </Button>
      }
    >
      <DateField label={f.on} value={on} onChange={setOn} required />
      <Textarea
        label={f.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        minRows={2}
      />
    </FormDialog>
  );
}

/** FAC-3: a sanction with date, basis and (optionally) the letter. */
export function SanctionDialog({ code, opened, onClose, onSaved }: DialogProps & { code: string }) {
  const f = s.sanctionForm;
  const [kind, setKind] = useState<string>('TEGURAN_LISAN');
  const [on, setOn] = useState<string | null>(todayJakarta());
  const [basis, setBasis] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    if (!on) return;
    const documentId = file ? await uploadFacilityDocument(file) : null;
    await api(`/api/v1/facilities/${code}/sanctions`, {
      method: 'POST',
      body: { kind, imposedOn: on, basis, documentId },
    });
    notifications.show({ color: 'dinkes', message: f.saved });
    setBasis('');
    setFile(null);
    onSaved();
  });
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={f.title}
      size="lg"
      onSubmit={submit}
      error={error}
      confirm={
        <Button type="submit" color={kind === 'PEMUTUSAN' ? 'red' : undefined} loading={busy}>
          {f.save}
        </Button>
      }
    >
      <Select
        label={f.kind}
        data={Object.entries(s.sanction).map(([value, label]) => ({ value, label }))}
        value={kind}
        onChange={(v) => setKind(v ?? 'TEGURAN_LISAN')}
        allowDeselect={false}
      />
      {kind === 'PEMUTUSAN' && (
        <Alert color="red" variant="light">
          {f.terminationNote}
        </Alert>
      )}
      <DateField label={f.on} value={on} onChange={setOn} required />
      <Textarea label={f.basis} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} required minRows={2} />
      <DocumentFileInput label={f.file} value={file} onChange={setFile} />
    </FormDialog>
  );
}
