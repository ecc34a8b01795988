import { Button, Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';
import { digitsOnly, todayJakarta } from '../../shared/format';
import { DateField } from '../../shared/ui/DateField';
import { DocumentFileInput } from '../../shared/ui/DocumentFileInput';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { FormSection } from '../../shared/ui/FormSection';
import { SexRadio } from '../../shared/ui/SexRadio';
import { PageHeader } from '../../shared/ui/PageHeader';
import { s } from './strings';
import type { BirthDetail } from '@server/modules/births/schemas';

const f = s.form;

function NikInput({
  label,
  value,
  onChange,
  testId,
  description,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  description?: string;
}) {
  const d = digitsOnly(value);
  const error = value && d.length !== 16 ? 'NIK harus 16 digit.' : null;
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputMode="numeric"
      maxLength={20}
      error={error}
      data-testid={testId}
      className="mono"
    />
  );
}

/** Hospital or office records a birth with its document; the baby's coverage is shown on the next page. */
export default function BirthFormPage() {
  const navigate = useNavigate();
  const [childName, setChildName] = useState('');
  const [childNik, setChildNik] = useState('');
  const [sex, setSex] = useState('L');
  const [birthDate, setBirthDate] = useState<string | null>(null);
  const [birthPlace, setBirthPlace] = useState('');
  const [motherNik, setMotherNik] = useState('');
  const [fatherNik, setFatherNik] = useState('');
  const [documentKind, setDocumentKind] = useState('SURAT_KETERANGAN_LAHIR');
  const [documentNumber, setDocumentNumber] = useState('');
  const [file, setFile] = useState<File | null>(null);

  const { busy, error, submit } = useSubmit(async () => {
    if (!file || !birthDate) return;
    const form = new FormData();
    form.append('file', file);
    const doc = await api<{ id: number }>('/api/v1/documents', { method: 'POST', body: form });
    const rec = await api<BirthDetail>('/api/v1/births', {
      method: 'POST',
      body: {
        childName,
        childNik: digitsOnly(childNik) || null,
        sex,
        birthDate,
        birthPlace: birthPlace || null,
        motherNik: digitsOnly(motherNik) || null,
        fatherNik: digitsOnly(fatherNik) || null,
        documentKind,
        documentNumber,
        documentId: doc.id,
      },
    });
    notifications.show({ color: 'dinkes', message: f.saved(rec.regNumber) });
    navigate(paths.birth(rec.id));
  });

  return (
    <Stack gap="md">
      <PageHeader title={f.title} description={f.description} />
      <form onSubmit={submit}>
        <Stack gap="md">
          <FormSection id="birth-child" title={f.child}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={f.childName}
                placeholder={f.childNamePlaceholder}
                value={childName}
                onChange={(e) => setChildName(e.currentTarget.value)}
                required
                data-testid="birth-child-name"
              />
              <NikInput label={f.childNik} value={childNik} onChange={setChildNik} testId="birth-child-nik" />
              <SexRadio label={f.sex} value={sex} onChange={setSex} />
              <DateField
                label={f.birthDate}
                value={birthDate}
                onChange={setBirthDate}
                maxDate={todayJakarta()}
                required
                data-testid="birth-date"
              />
              <TextInput
                label={f.birthPlace}
                value={birthPlace}
                onChange={(e) => setBirthPlace(e.currentTarget.value)}
              />
            </SimpleGrid>
          </FormSection>
          <FormSection id="birth-parents" title={f.parents} help={f.parentHelp}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NikInput label={f.motherNik} value={motherNik} onChange={setMotherNik} testId="birth-mother-nik" />
              <NikInput label={f.fatherNik} value={fatherNik} onChange={setFatherNik} testId="birth-father-nik" />
            </SimpleGrid>
          </FormSection>
          <FormSection id="birth-doc" title={f.document}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Radio.Group label={f.documentKind} value={documentKind} onChange={setDocumentKind} required>
                <Group mt={6}>
                  <Radio value="SURAT_KETERANGAN_LAHIR" label={s.doc.SURAT_KETERANGAN_LAHIR} />
                  <Radio value="AKTA_KELAHIRAN" label={s.doc.AKTA_KELAHIRAN} />
                </Group>
              </Radio.Group>
              <TextInput
                label={f.documentNumber}
                value={documentNumber}
                onChange={(e) => setDocumentNumber(e.currentTarget.value)}
                required
                data-testid="birth-doc-number"
              />
              <DocumentFileInput
                label={f.file}
                placeholder={f.filePlaceholder}
                value={file}
                onChange={setFile}
                required
                data-testid="birth-file"
              />
            </SimpleGrid>
          </FormSection>
          <ErrorAlert error={error} />
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={!file || !birthDate || !childName || (!motherNik && !fatherNik)}
              data-testid="birth-submit"
            >
              {f.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
