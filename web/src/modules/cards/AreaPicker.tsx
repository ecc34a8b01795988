import { Group, Select } from '@mantine/core';
import { useApi } from '../../shared/useApi';
import { s } from './strings';
import type { AreaTree } from '@server/modules/cards/schemas';

/**
 * District, then village, from the areas where residents live. The value is
 * the most precise code chosen (village, else district), or null for all.
 */
export function AreaPicker({
  value,
  onChange,
  districtLabel,
  villageLabel,
  villagePlaceholder = s.queue.allAreas,
  requireDistrict,
  testId,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  districtLabel: string;
  villageLabel: string;
  villagePlaceholder?: string;
  requireDistrict?: boolean;
  testId?: string;
}) {
  const { data, loading } = useApi<AreaTree>('/api/v1/cards/areas');
  const districts = data?.districts ?? [];
  const manyRegencies = new Set(districts.map((d) => d.regency)).size > 1;
  const district = value ? value.slice(0, 6) : null;
  const villages = districts.find((d) => d.code === district)?.villages ?? [];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid={testId}>
      <Select
        label={districtLabel}
        placeholder={requireDistrict ? undefined : s.queue.allAreas}
        data={districts.map((d) => ({
          value: d.code,
          label: manyRegencies && d.regency ? `${d.name} (${d.regency})` : d.name,
        }))}
        value={district}
        onChange={(v) => onChange(v)}
        searchable
        clearable={!requireDistrict}
        required={requireDistrict}
        disabled={loading && !data}
        nothingFoundMessage="Tidak ada kecamatan yang cocok"
        w={240}
        data-testid={testId ? `${testId}-district` : undefined}
      />
      <Select
        label={villageLabel}
        placeholder={villagePlaceholder}
        data={villages.map((v) => ({ value: v.code, label: v.name }))}
        value={value && value.length === 10 ? value : null}
        onChange={(v) => onChange(v ?? district)}
        searchable
        clearable
        disabled={!district}
        nothingFoundMessage="Tidak ada kelurahan yang cocok"
        w={260}
        data-testid={testId ? `${testId}-village` : undefined}
      />
    </Group>
  );
}
