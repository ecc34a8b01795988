import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { SearchInput } from '../../shared/ui/SearchInput';
import { Section } from '../../shared/ui/Section';
import { RegistryUpload } from './RegistryUpload';
import { s } from './strings';
import type { AgreementList, FacilityList } from '@server/modules/facilities/schemas';

const options = (m: Record<string, string>) => [
  { value: '', label: s.list.all },
  ...Object.entries(m).map(([value, label]) => ({ value, label })),
];

/** FAC-1/FAC-2: the registry with filters, and the agreements about to run out. */
export default function FacilitiesPage() {
  const navigate = useNavigate();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [klass, setKlass] = useState('');
  const [location, setLocation] = useState('');
  const [partner, setPartner] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const list = useApi<FacilityList>('/api/v1/facilities', {
    q: debounced || undefined,
    kind,
    class: klass,
    location,
    partner,
  });
  const expiring = useApi<AgreementList>('/api/v1/facilities/agreements/expiring');

  return (
    <Stack gap="md">
      <PageHeader title={s.list.title} description={s.list.description} />
      <Section id="expiring" title={s.list.expiringTitle}>
        <ErrorAlert error={expiring.error} onRetry={expiring.reload} />
        <DataTable
          caption={s.list.expiringTitle}
          rows={expiring.data?.rows}
          loading={expiring.loading}
          empty={s.list.expiringEmpty}
          rowKey={(a) => a.id}
          onRowClick={(a) => navigate(paths.facility(a.facilityCode))}
          testId="expiring-table"
          columns={[
            { key: 'fac', header: s.col.facility, cell: (a) => a.facilityName },
            { key: 'num', header: s.col.number, cell: (a) => <span className="mono">{a.number}</span> },
            { key: 'end', header: s.col.ends, cell: (a) => formatDate(a.validTo) },
            {
              key: 'left',
              header: '',
              cell: (a) => (
                <Badge color={(a.daysLeft ?? 99) <= 14 ? 'red' : 'yellow'} variant="light">
                  {s.list.daysLeft(a.daysLeft ?? 0)}
                </Badge>
              ),
            },
          ]}
        />
      </Section>
      {can('facility.manage') && <RegistryUpload onLoaded={list.reload} />}
      <Group align="end" wrap="wrap">
        <SearchInput label={s.list.search} value={q} onChange={setQ} minWidth={220} data-testid="facility-search" />
        <Select
          label={s.list.kind}
          data={options(s.kind)}
          value={kind}
          onChange={(v) => setKind(v ?? '')}
          allowDeselect={false}
          w={170}
        />
        <Select
          label={s.list.class}
          data={options({ A: 'A', B: 'B', C: 'C', D: 'D' })}
          value={klass}
          onChange={(v) => setKlass(v ?? '')}
          allowDeselect={false}
          w={110}
        />
        <Select
          label={s.list.location}
          data={options(s.location)}
          value={location}
          onChange={(v) => setLocation(v ?? '')}
          allowDeselect={false}
          w={150}
        />
        <Select
          label={s.list.partner}
          data={[
            { value: '', label: s.list.all },
            { value: 'true', label: s.list.partnerYes },
            { value: 'false', label: s.list.partnerNo },
          ]}
          value={partner}
          onChange={(v) => setPartner(v ?? '')}
          allowDeselect={false}
          w={190}
        />
      </Group>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && <Text size="sm" c="dimmed">{`${list.data.rows.length} fasilitas`}</Text>}
      <DataTable
        caption={s.list.caption}
        rows={list.data?.rows}
        loading={list.loading}
        empty={s.list.empty}
        rowKey={(f) => f.code}
        onRowClick={(f) => navigate(paths.facility(f.code))}
        testId="facilities-table"
        columns={[
          { key: 'code', header: s.col.code, cell: (f) => <span className="mono">{f.code}</span> },
          {
            key: 'name',
            header: s.col.name,
            cell: (f) => (
              <Group gap={6}>
                {f.name}
                {f.isRsud && (
                  <Badge size="xs" variant="outline">
                    {s.rsud}
                  </Badge>
                )}
              </Group>
            ),
          },
          { key: 'kind', header: s.col.kind, cell: (f) => (f.kind ? s.kind[f.kind] : '—') },
          { key: 'class', header: s.col.class, cell: (f) => f.class ?? '—' },
          { key: 'own', header: s.col.ownership, cell: (f) => (f.ownership ? s.ownership[f.ownership] : '—') },
          { key: 'loc', header: s.col.location, cell: (f) => (f.location ? s.location[f.location] : '—') },
          {
            key: 'pks',
            header: s.col.partner,
            cell: (f) => (
              <Badge color={f.partner ? 'dinkes' : 'gray'} variant="light">
                {f.partner ? s.partner.yes : s.partner.no}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
