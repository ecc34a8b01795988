import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useApi } from '../../shared/useApi';

interface Facility {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
}

/** The hospital an office-filed request is for, picked from the registry by name or code (never a typed code). */
export function HospitalSelect({ value, onChange, label }: { value: string | null; onChange: (code: string | null) => void; label: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const { data, loading } = useApi<{ rows: Facility[] }>('/api/v1/facilities', { q: q || undefined });
  const [chosen, setChosen] = useState<Facility | null>(null);
  const options = useMemo(() => {
    const rows = (data?.rows ?? []).filter((f) => f.level === 'PPK2').slice(0, 50);
    if (chosen && !rows.some((f) => f.code === chosen.code)) rows.unshift(chosen);
    return rows.map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }));
  }, [data, chosen]);
  return (
    <Select
      label={label}
      required
      searchable
      clearable
      data={options}
      value={value}
      onChange={(code) => {
        setChosen((data?.rows ?? []).find((f) => f.code === code) ?? null);
        onChange(code);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={loading ? '…' : 'Rumah sakit tidak ditemukan'}
      filter={({ options: o }) => o}
      data-testid="sjp-facility"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
