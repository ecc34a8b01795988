import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useApi } from './useApi';

interface FacilityOption {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
}

/**
 * A facility picked from the registry by name or code, never typed: the
 * server searches as the user types; `level` keeps first-level (PPK1) or
 * second-level (PPK2) facilities only. Used for users' facilities and for the
 * hospital of an office-filed SJP request.
 */
export function FacilitySelect({
  value,
  onChange,
  level,
  error,
  required,
  initial,
  label,
  description,
  nothingFound,
  testId = 'facility-select',
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  level?: 'PPK1' | 'PPK2';
  error?: string;
  required?: boolean;
  /** The facility already chosen (editing), so its name shows before any search. */
  initial?: { code: string; name: string | null } | null;
  label: string;
  description?: string;
  nothingFound: string;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const { data, loading } = useApi<{ rows: FacilityOption[] }>('/api/v1/facilities', { q: q || undefined });
  // The chosen one stays in the list even when the search no longer finds it.
  const [chosen, setChosen] = useState<FacilityOption | null>(
    initial ? { code: initial.code, name: initial.name ?? initial.code, level: level ?? 'PPK2' } : null,
  );
  const options = useMemo(() => {
    const rows = (data?.rows ?? []).filter((f) => !level || f.level === level).slice(0, 50);
    if (chosen && !rows.some((f) => f.code === chosen.code)) rows.unshift(chosen);
    return rows.map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }));
  }, [data, level, chosen]);
  return (
    <Select
      label={label}
      description={description}
      required={required}
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
      nothingFoundMessage={loading ? '…' : nothingFound}
      filter={({ options: o }) => o}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
