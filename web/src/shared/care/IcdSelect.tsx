import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';

export interface IcdItem {
  code: string;
  title: string;
  primaryCare: boolean;
}

interface Props {
  value: string | null;
  onChange: (code: string | null, item: IcdItem | null) => void;
  label: string;
  testId: string;
  /** Shown before anything is searched, e.g. the diagnosis a referral already carries. */
  initial?: IcdItem | null;
}

/** ICD-10 diagnosis searched by code or name, the same on the referral and the SJP forms. */
export function IcdSelect({ value, onChange, label, testId, initial }: Props) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<IcdItem[]>(initial ? [initial] : []);

  useEffect(() => {
    if (initial) setOptions((prev) => (prev.some((o) => o.code === initial.code) ? prev : [initial, ...prev]));
  }, [initial]);

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api<{ items: IcdItem[] }>('/api/v1/icd10', { query: { q, limit: 30 }, signal: ctrl.signal })
        .then((r) =>
          setOptions((prev) => {
            const chosen = prev.find((o) => o.code === value);
            return chosen && !r.items.some((o) => o.code === chosen.code) ? [chosen, ...r.items] : r.items;
          }),
        )
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
    // Only the search text triggers a search; the chosen diagnosis stays in the list meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <Select
      label={label}
      placeholder="Ketik kode (mis. I10) atau nama penyakit"
      searchable
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options: o }) => o}
      data={options.map((o) => ({ value: o.code, label: `${o.code} — ${o.title}` }))}
      value={value}
      onChange={(v) => onChange(v, options.find((o) => o.code === v) ?? null)}
      nothingFoundMessage="Tidak ditemukan"
      required
      data-testid={testId}
    />
  );
}
