import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconAmbulance } from '@tabler/icons-react';
import { useState } from 'react';
import { EmergencyDialog } from './EmergencyDialog';
import { useSearchParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDateShort } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { NumberLink } from '../../shared/ui/NumberLink';
import { NewButton } from '../../shared/ui/NewButton';
import { PageHeader } from '../../shared/ui/PageHeader';
import { StatusBadge } from './StatusBadge';
import { s } from './strings';
import type { Referral, ReferralList } from '@server/modules/referrals/schemas';

const l = s.list;
const STATUS_OPTIONS = [
  { value: '', label: l.allStatus },
  ...Object.entries(s.status).map(([value, label]) => ({ value, label })),
];

/** Referrals from and to the user's facility (all, for the office), newest first. */
export default function ReferralListPage() {
  const { can, me } = useSession();
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') ?? '';
  const status = params.get('status') ?? '';
  const flagged = params.get('flagged') === '1';
  const isFacility = Boolean(me?.facilityCode);
  const [emergencyOpen, setEmergencyOpen] = useState(false);
  const { data, error, loading, reload } = useApi<ReferralList>('/api/v1/referrals', {
    direction: isFacility ? direction || undefined : undefined,
    status: status || undefined,
    flagged: flagged ? 'true' : undefined,
    limit: 100,
  });
  const update = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  const columns: Column<Referral>[] = [
    {
      key: 'number',
      header: l.col.number,
      cell: (r) => (
        <NumberLink to={paths.referral(r.id)} testId="referral-link">
          {r.number}
        </NumberLink>
      ),
    },
    { key: 'date', header: l.col.date, cell: (r) => <span className="nowrap">{formatDateShort(r.createdOn)}</span> },
    { key: 'patient', header: l.col.patient, cell: (r) => r.personName },
    {
      key: 'route',
      header: l.col.route,
      cell: (r) => (
        <Text size="sm">
          {r.fromFacilityName ?? <em>{l.noReferral}</em>} → {r.toFacilityName}
        </Text>
      ),
    },
    {
      key: 'diagnosis',
      header: l.col.diagnosis,
      cell: (r) => (
        <Group gap={4} wrap="wrap">
          <span className="mono">{r.diagnosisCode}</span>
          <Text size="sm">{r.diagnosisTitle}</Text>
          {r.emergency && (
            <Badge color="red" size="xs">
              {l.emergencyBadge}
            </Badge>
          )}
          {r.competencyFlag && (
            <Badge color="yellow" size="xs">
              {l.flagBadge}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'status', header: l.col.status, cell: (r) => <StatusBadge status={r.status} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={l.title}
        description={l.description}
        actions={
          <>
            {can('referral.respond') && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconAmbulance size={18} aria-hidden />}
                onClick={() => setEmergencyOpen(true)}
              >
                {s.emergency.open}
              </Button>
            )}
            {can('referral.create') && (
              <NewButton to={paths.referralNew} letter testId="referral-new">
                {l.create}
              </NewButton>
            )}
          </>
        }
      />
      <EmergencyDialog opened={emergencyOpen} onClose={() => setEmergencyOpen(false)} />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {isFacility && (
            <Select
              label={l.direction}
              data={[
                { value: '', label: l.all },
                { value: 'IN', label: l.incoming },
                { value: 'OUT', label: l.outgoing },
              ]}
              value={direction}
              onChange={(v) => update('direction', v || null)}
              allowDeselect={false}
              data-testid="referral-direction"
            />
          )}
          <Select
            label={l.status}
            data={STATUS_OPTIONS}
            value={status}
            onChange={(v) => update('status', v || null)}
            allowDeselect={false}
          />
          <Checkbox
            label={l.flagged}
            checked={flagged}
            onChange={(e) => update('flagged', e.currentTarget.checked ? '1' : null)}
          />
        </Group>
      </Paper>
      <ErrorAlert error={error} onRetry={reload} />
      <DataTable
        caption={l.title}
        columns={columns}
        rows={data?.items}
        rowKey={(r) => r.id}
        loading={loading}
        empty={l.empty}
        testId="referral-table"
      />
    </Stack>
  );
}
