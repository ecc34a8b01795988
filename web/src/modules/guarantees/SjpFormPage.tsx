import { Alert, Anchor, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { ApiError, api } from '../../shared/api';
import { IcdSelect, type IcdItem } from '../../shared/care/IcdSelect';
import { NikLookup } from '../../shared/care/NikLookup';
import { useSubmit } from '../../shared/useSubmit';
import { digitsOnly, formatDateTime } from '../../shared/format';
import { DateField } from '../../shared/ui/DateField';
import { DateTimeField } from '../../shared/ui/DateTimeField';
import { DocumentFileInput } from '../../shared/ui/DocumentFileInput';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { FormSection } from '../../shared/ui/FormSection';
import { SexRadio } from '../../shared/ui/SexRadio';
import { PageHeader } from '../../shared/ui/PageHeader';
import { HospitalSelect } from './HospitalSelect';
import { s } from './strings';
import type { SjpDetail } from '@server/modules/guarantees/schemas';
import type { Referral } from '@server/modules/referrals/schemas';
import { uploadDocument } from './upload';

const f = s.form;

/** An instant as the "YYYY-MM-DDTHH:mm" of a datetime input, in Jakarta time (the form sends it back with +07:00). */
function jakartaLocalInput(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** A hospital desk (or the office) files an SJP request with its documents. */
export default function SjpFormPage() {
  const navigate = useNavigate();
  const { me } = useSession();
  const isOffice = !me?.facilityCode;
  const [search] = useSearchParams();
  const referralId = Number(search.get('rujukan')) || null;
  const [referral, setReferral] = useState<Referral | null>(null);
  const [referralError, setReferralError] = useState<unknown>(null);
  const [nik, setNik] = useState('');
  const [careType, setCareType] = useState<string>('INPATIENT');
  const [admittedAt, setAdmittedAt] = useState('');
  const [diagnosisCode, setDiagnosisCode] = useState<string | null>(null);
  const [initialIcd, setInitialIcd] = useState<IcdItem | null>(null);
  const [diagnosisText, setDiagnosisText] = useState('');
  const [facilityCode, setFacilityCode] = useState('');
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [submitNow, setSubmitNow] = useState(true);
  const [child, setChild] = useState({
    childName: '',
    childNik: '',
    sex: 'L',
    birthDate: '',
    motherNik: '',
    documentNumber: '',
  });
  const [skl, setSkl] = useState<File | null>(null);
  const newborn = careType === 'NEWBORN';

  // "Ajukan SJP" from an admitted referral: patient, diagnosis and admission come from it, nothing is retyped.
  useEffect(() => {
    if (!referralId) return;
    api<Referral>(`/api/v1/referrals/${referralId}`)
      .then((r) => {
        setReferral(r);
        setNik(r.nik);
        setCareType('INPATIENT');
        setDiagnosisCode(r.diagnosisCode);
        setInitialIcd({ code: r.diagnosisCode, title: r.diagnosisTitle, primaryCare: false });
        setDiagnosisText(r.diagnosisTitle);
        setFacilityCode(r.toFacilityCode);
        if (r.admittedAt) setAdmittedAt(jakartaLocalInput(r.admittedAt));
      })
      .catch(setReferralError);
  }, [referralId]);

  const { busy, error, submit } = useSubmit(async () => {
    const documents = [];
    for (const code of s.slots[careType] ?? []) {
      const file = files[code];
      if (file) documents.push({ requirement: code, documentId: await uploadDocument(file) });
    }
    const body: Record<string, unknown> = {
      careType,
      admittedAt: `${admittedAt}:00+07:00`,
      diagnosisCode: diagnosisCode ?? '',
      diagnosisText: diagnosisText || null,
      facilityCode: isOffice ? facilityCode || null : null,
      referralId: referral?.id ?? null,
      documents,
      submit: submitNow,
    };
    if (newborn) {
      if (!skl) throw new Error(f.sklFile);
      body.newborn = {
        childName: child.childName,
        childNik: digitsOnly(child.childNik) || null,
        sex: child.sex,
        birthDate: child.birthDate,
        motherNik: digitsOnly(child.motherNik),
        documentKind: 'SURAT_KETERANGAN_LAHIR',
        documentNumber: child.documentNumber,
        documentId: await uploadDocument(skl),
      };
    } else body.nik = digitsOnly(nik);
    const r = await api<SjpDetail>('/api/v1/sjp', { method: 'POST', body });
    notifications.show({ color: 'dinkes', message: f.saved(r.trackingCode) });
    navigate(paths.sjp(r.id));
  });

  const setC = (k: keyof typeof child) => (v: string) => setChild((c) => ({ ...c, [k]: v }));
  const duplicate =
    error instanceof ApiError && error.code === 'SJP_DUPLICATE'
      ? (error.details as { existingId?: number; trackingCode?: string } | undefined)
      : undefined;

  return (
    <Stack gap="md">
      <PageHeader title={f.title} description={f.description} />
      <ErrorAlert error={referralError} />
      {referral && (
        <Alert color="blue" variant="light" data-testid="sjp-from-referral">
          {f.fromReferral(
            referral.number,
            referral.fromFacilityName ?? f.noReferrer,
            referral.admittedAt ? formatDateTime(new Date(referral.admittedAt).toISOString()) : '—',
          )}{' '}
          <Anchor component={Link} to={paths.referral(referral.id)}>
            {f.openReferral}
          </Anchor>
        </Alert>
      )}
      <form onSubmit={submit}>
        <Stack gap="md">
          <FormSection id="sjp-patient" title={f.patient}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={f.careType}
                value={careType}
                onChange={(v) => v && setCareType(v)}
                data={Object.entries(s.care).map(([value, label]) => ({ value, label }))}
                allowDeselect={false}
                data-testid="sjp-care-type"
              />
              <DateTimeField
                label={f.admittedAt}
                value={admittedAt}
                onChange={setAdmittedAt}
                required
                data-testid="sjp-admitted-at"
              />
              {!newborn && (
                <div style={{ gridColumn: '1 / -1' }}>
                  <NikLookup
                    value={nik}
                    onChange={setNik}
                    date={admittedAt ? admittedAt.slice(0, 10) : null}
                    label={f.nik}
                    testId="sjp"
                  />
                </div>
              )}
              <IcdSelect
                value={diagnosisCode}
                onChange={(code, item) => {
                  setDiagnosisCode(code);
                  if (item) setDiagnosisText(item.title);
                }}
                initial={initialIcd}
                label={f.diagnosisCode}
                testId="sjp-diagnosis"
              />
              <TextInput
                label={f.diagnosisText}
                value={diagnosisText}
                onChange={(e) => setDiagnosisText(e.currentTarget.value)}
                maxLength={200}
              />
              {isOffice && (
                <HospitalSelect
                  label={f.facilityCode}
                  value={facilityCode || null}
                  onChange={(v) => setFacilityCode(v ?? '')}
                />
              )}
            </SimpleGrid>
            <Text size="sm" c="dimmed" mt="sm">
              {f.careClass}
            </Text>
          </FormSection>
          {newborn && (
            <FormSection id="sjp-newborn" title={f.newborn}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={f.childName}
                  value={child.childName}
                  onChange={(e) => setC('childName')(e.currentTarget.value)}
                  required
                  data-testid="sjp-child-name"
                />
                <TextInput
                  label={f.childNik}
                  value={child.childNik}
                  onChange={(e) => setC('childNik')(e.currentTarget.value)}
                  className="mono"
                  maxLength={20}
                />
                <SexRadio label={f.sex} value={child.sex} onChange={setC('sex')} />
                <DateField
                  label={f.birthDate}
                  value={child.birthDate || null}
                  onChange={(v) => setC('birthDate')(v ?? '')}
                  required
                  data-testid="sjp-birth-date"
                />
                <TextInput
                  label={f.motherNik}
                  value={child.motherNik}
                  onChange={(e) => setC('motherNik')(e.currentTarget.value)}
                  className="mono"
                  maxLength={20}
                  required
                  data-testid="sjp-mother-nik"
                />
                <TextInput
                  label={f.sklNumber}
                  value={child.documentNumber}
                  onChange={(e) => setC('documentNumber')(e.currentTarget.value)}
                  required
                  data-testid="sjp-skl-number"
                />
                <DocumentFileInput
                  label={f.sklFile}
                  value={skl}
                  onChange={setSkl}
                  required
                  data-testid="sjp-skl-file"
                />
              </SimpleGrid>
            </FormSection>
          )}
          <FormSection id="sjp-docs" title={f.documents} help={f.documentsHelp}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {(s.slots[careType] ?? []).map((code) => (
                <DocumentFileInput
                  key={code}
                  label={s.requirement[code]}
                  value={files[code] ?? null}
                  onChange={(file) => setFiles((x) => ({ ...x, [code]: file }))}
                  data-testid={`sjp-file-${code}`}
                />
              ))}
            </SimpleGrid>
          </FormSection>
          <Checkbox
            label={f.submitNow}
            checked={submitNow}
            onChange={(e) => setSubmitNow(e.currentTarget.checked)}
            data-testid="sjp-submit-now"
          />
          {duplicate?.existingId ? (
            <Alert color="orange" variant="light" title={f.duplicateTitle} data-testid="sjp-duplicate">
              <Text size="sm">{(error as ApiError).message}</Text>
              <Anchor component={Link} to={paths.sjp(duplicate.existingId)} fw={600} data-testid="sjp-duplicate-link">
                {f.openExisting(duplicate.trackingCode ?? '')}
              </Anchor>
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={!admittedAt || !diagnosisCode || (!newborn && digitsOnly(nik).length !== 16)}
              data-testid="sjp-save"
            >
              {f.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
