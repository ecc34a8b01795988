import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageLoader } from '../../shared/ui/PageLoader';
import { Section } from '../../shared/ui/Section';
import { AgreementDialog, SanctionDialog, TerminateDialog } from './AgreementForms';
import { FacilityEditDialog } from './FacilityEditDialog';
import { s } from './strings';
import type { Agreement, FacilityDetail } from '@server/modules/facilities/schemas';

const d = s.detail;

/** One facility: its data, agreements (with add/terminate for the manager), sanctions and latest beds. */
export default function FacilityPage() {
  const { code = '' } = useParams();
  const { can } = useSession();
  const manage = can('facility.manage');
  const { data, error, loading, reload } = useApi<FacilityDetail>(`/api/v1/facilities/${encodeURIComponent(code)}`);
  const [adding, setAdding] = useState(false);
  const [sanctioning, setSanctioning] = useState(false);
  const [terminating, setTerminating] = useState<Agreement | null>(null);
  const [editing, setEditing] = useState(false);

  if (loading && !data) return <PageLoader />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.facilities} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {d.back}
        </Group>
      </Anchor>
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <>
          <PageHeader
            title={data.name}
            description={
              <Group gap="xs" component="span">
                <span className="mono">{data.code}</span>
                <Badge color={data.partner ? 'dinkes' : 'gray'} variant="light" data-testid="facility-partner">
                  {data.partner ? s.partner.yes : s.partner.no}
                </Badge>
                {data.isRsud && <Badge variant="outline">{s.rsud}</Badge>}
              </Group>
            }
          />
          <Section
            id="fac-data"
            title={d.data}
            extra={
              manage && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                  data-testid="fac-edit"
                >
                  {s.editForm.edit}
                </Button>
              )
            }
          >
            <FieldGrid>
              <Field label={s.col.kind}>{data.kind ? s.kind[data.kind] : ''}</Field>
              <Field label={d.level}>{data.level === 'PPK2' ? d.level2 : d.level1}</Field>
              <Field label={s.col.class}>{data.class ?? ''}</Field>
              <Field label={s.col.ownership}>{data.ownership ? s.ownership[data.ownership] : ''}</Field>
              <Field label={s.col.location}>{data.location ? s.location[data.location] : ''}</Field>
              <Field label={d.address}>{data.address ?? ''}</Field>
              <Field label={d.village}>{data.villageCode ?? ''}</Field>
              <Field label={d.phone}>{data.phone ?? ''}</Field>
            </FieldGrid>
          </Section>
          <Section
            id="fac-agreements"
            title={d.agreements}
            extra={
              manage && (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setAdding(true)}
                  data-testid="pks-add"
                >
                  {d.addAgreement}
                </Button>
              )
            }
          >
            <DataTable
              caption={d.agreements}
              rows={data.agreements}
              empty={d.noAgreements}
              rowKey={(a) => a.id}
              testId="agreements-table"
              columns={[
                { key: 'num', header: s.col.number, cell: (a) => <span className="mono">{a.number}</span> },
                {
                  key: 'period',
                  header: s.col.period,
                  cell: (a) => `${formatDate(a.validFrom)} – ${formatDate(a.validTo)}`,
                },
                {
                  key: 'svc',
                  header: s.col.services,
                  cell: (a) => a.services.map((x) => s.service[x] ?? x).join(', '),
                },
                {
                  key: 'status',
                  header: s.col.status,
                  cell: (a) => (
                    <Stack gap={2}>
                      <Badge color={a.inForce ? 'dinkes' : 'gray'} variant="light">
                        {a.inForce ? d.inForce : d.notInForce}
                      </Badge>
                      {a.terminatedOn && (
                        <Text size="xs" c="red">
                          {d.terminated(formatDate(a.terminatedOn))}
                          {a.terminationReason ? ` — ${a.terminationReason}` : ''}
                        </Text>
                      )}
                    </Stack>
                  ),
                },
                {
                  key: 'doc',
                  header: d.document,
                  cell: (a) =>
                    a.documentId ? (
                      <Anchor
                        size="sm"
                        href={`/api/v1/facilities/agreements/${a.id}/document`}
                        target="_blank"
                        rel="noopener"
                      >
                        {d.open}
                      </Anchor>
                    ) : (
                      '—'
                    ),
                },
                ...(manage
                  ? [
                      {
                        key: 'act',
                        header: '',
                        cell: (a: Agreement) =>
                          a.status === 'ACTIVE' ? (
                            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setTerminating(a)}>
                              {d.terminate}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Section>
          <Section
            id="fac-sanctions"
            title={d.sanctions}
            extra={
              manage && (
                <Button variant="light" color="red" onClick={() => setSanctioning(true)} data-testid="sanction-add">
                  {d.addSanction}
                </Button>
              )
            }
          >
            <DataTable
              caption={d.sanctions}
              rows={data.sanctions}
              empty={d.noSanctions}
              rowKey={(x) => x.id}
              columns={[
                { key: 'on', header: s.sanctionForm.on, cell: (x) => formatDate(x.imposedOn) },
                { key: 'kind', header: s.sanctionForm.kind, cell: (x) => s.sanction[x.kind] ?? x.kind },
                { key: 'basis', header: s.sanctionForm.basis, cell: (x) => x.basis },
              ]}
            />
          </Section>
          {data.level === 'PPK2' && (
            <Section id="fac-beds" title={d.beds}>
              {data.latestBeds ? (
                <FieldGrid>
                  <Field label={s.beds.available}>{formatNumber(data.latestBeds.class3Available)}</Field>
                  <Field label={s.beds.total}>{formatNumber(data.latestBeds.class3Total)}</Field>
                  <Field label={s.beds.above}>{formatNumber(data.latestBeds.aboveClassPatients)}</Field>
                  <Field label={s.beds.reported}>
                    {formatDateTime(data.latestBeds.reportedAt)}
                    {data.latestBeds.stale ? ` (${s.beds.stale})` : ''}
                  </Field>
                </FieldGrid>
              ) : (
                <Text size="sm" c="dimmed">
                  {d.noBeds}
                </Text>
              )}
            </Section>
          )}
          {manage && (
            <>
              <AgreementDialog
                code={data.code}
                opened={adding}
                onClose={() => setAdding(false)}
                onSaved={() => {
                  setAdding(false);
                  reload();
                }}
              />
              <SanctionDialog
                code={data.code}
                opened={sanctioning}
                onClose={() => setSanctioning(false)}
                onSaved={() => {
                  setSanctioning(false);
                  reload();
                }}
              />
              <TerminateDialog
                agreement={terminating}
                onClose={() => setTerminating(null)}
                onSaved={() => {
                  setTerminating(null);
                  reload();
                }}
              />
              {editing && (
                // Mounted per opening, so the form starts from the facility as it is now.
                <FacilityEditDialog
                  facility={data}
                  opened
                  onClose={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    reload();
                  }}
                />
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
